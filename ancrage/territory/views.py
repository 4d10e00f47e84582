from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render

from ancrage.territory.models import Commune


@login_not_required
def commune_autocomplete(request):
    query = request.GET.get("q", "")[:100]
    communes = Commune.objects.filter(name__istartswith=query)[:10] if query else []
    return render(request, "territory/commune_options.html", {"communes": communes})
