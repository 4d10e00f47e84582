"""The frequent words of text answers, without French stop words: each word
counts once per respondent."""

import re
from collections import Counter

# Apostrophes separate words (« d'usinage » gives « usinage »); hyphens join them.
WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]+(?:-[a-zàâäçéèêëîïôöùûüÿœæ]+)*")

_STOP_WORDS_TEXT = """
    a à afin ai aie aient aies ait alors as au aucun aucune aujourd aupres auquel aussi autre
    autres aux auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons
    ayant bcp beaucoup bien c ça car ce ceci cela celle celles celui cependant certain certaine
    certaines certains ces cet cette ceux chaque chez ci comme comment d dans de des deux donc
    dont du elle elles en encore entre es est et étaient étais était étant été être eu eux fait
    faire fais font hors hui il ils j je jusqu l la là le les leur leurs lors lui m ma mais me même
    mêmes mes moi moins mon n ne ni non nos notre nous on ont ou où par parce pas peu peut
    peuvent plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se
    selon ses si sien son sont sous sur t ta tant te tes toi ton tous tout toute toutes très tu
    un une unes uns vers via voire vos votre vous y
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def words(texts, limit=30):
    """[(word, respondents using it)], most frequent first, ties by word."""
    counter = Counter()
    for text in texts:
        counter.update(
            {
                word
                for word in WORD.findall(text.lower())
                if len(word) > 2 and word not in STOP_WORDS
            }
        )
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:limit]
