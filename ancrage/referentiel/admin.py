"""The référentiel in the technical admin: what the imports wrote, to look
at, not to edit (an edit would be undone by the next import). Only the
activity and market lists, which no import writes, can be edited here."""

from django.contrib import admin

from ancrage.referentiel.models import (
    Activity,
    Domain,
    EscoOccupation,
    EscoSkill,
    GrandDomain,
    JobTitle,
    Market,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Skill,
    VocabularyEntry,
    WorkContext,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Release)
class ReleaseAdmin(ReadOnlyAdmin):
    list_display = ["source", "version", "published_on", "imported_at"]
    list_filter = ["source"]


@admin.register(GrandDomain)
class GrandDomainAdmin(ReadOnlyAdmin):
    list_display = ["code", "label"]
    search_fields = ["code", "label"]


@admin.register(Domain)
class DomainAdmin(ReadOnlyAdmin):
    list_display = ["code", "label", "grand_domain"]
    list_filter = ["grand_domain"]
    list_select_related = ["grand_domain"]
    search_fields = ["code", "label"]


class JobTitleInline(ReadOnlyInline):
    model = JobTitle
    fields = ["label", "is_principal", "is_rare", "is_obsolete"]


@admin.register(Occupation)
class OccupationAdmin(ReadOnlyAdmin):
    list_display = ["code", "label", "domain", "ecological_transition", "is_obsolete"]
    list_filter = ["is_obsolete", "ecological_transition", "is_executive", "domain__grand_domain"]
    list_select_related = ["domain"]
    search_fields = ["code", "label"]
    exclude = ["work_contexts"]
    inlines = [JobTitleInline]


@admin.register(JobTitle)
class JobTitleAdmin(ReadOnlyAdmin):
    list_display = ["label", "occupation", "is_principal", "is_rare", "is_obsolete"]
    list_filter = ["is_principal", "is_rare", "is_obsolete"]
    list_select_related = ["occupation"]
    search_fields = ["label", "occupation__code"]


@admin.register(Skill)
class SkillAdmin(ReadOnlyAdmin):
    list_display = ["label", "kind", "ogr_code", "is_macro", "category", "is_obsolete"]
    list_filter = ["kind", "is_macro", "is_obsolete", "category"]
    search_fields = ["label"]


@admin.register(OccupationSkill)
class OccupationSkillAdmin(ReadOnlyAdmin):
    list_display = ["occupation", "skill", "importance"]
    list_filter = ["importance"]
    list_select_related = ["occupation", "skill"]
    search_fields = ["occupation__code", "skill__label"]


@admin.register(Mobility)
class MobilityAdmin(ReadOnlyAdmin):
    list_display = ["source", "order", "target"]
    list_select_related = ["source", "target"]
    search_fields = ["source__code", "target__code"]


@admin.register(WorkContext)
class WorkContextAdmin(ReadOnlyAdmin):
    list_display = ["label", "category", "is_obsolete"]
    list_filter = ["category", "is_obsolete"]
    search_fields = ["label"]


@admin.register(EscoOccupation)
class EscoOccupationAdmin(ReadOnlyAdmin):
    list_display = ["label", "isco_group", "occupation"]
    list_select_related = ["occupation"]
    search_fields = ["label", "uri", "occupation__code"]


@admin.register(EscoSkill)
class EscoSkillAdmin(ReadOnlyAdmin):
    list_display = ["label", "skill_type", "reuse_level", "skill"]
    list_filter = ["skill_type", "reuse_level"]
    list_select_related = ["skill"]
    search_fields = ["label", "uri"]


@admin.register(VocabularyEntry)
class VocabularyEntryAdmin(ReadOnlyAdmin):
    """Cluster staff curate their vocabulary on their own screen."""

    list_display = ["__str__", "cluster", "kind", "position"]
    list_filter = ["kind"]
    list_select_related = ["cluster", "occupation", "skill"]
    search_fields = ["label", "cluster__name"]


@admin.register(Activity, Market)
class ListAdmin(admin.ModelAdmin):
    list_display = ["label", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["label"]}
    search_fields = ["label"]
