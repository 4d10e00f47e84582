"""Matrix profiles in the technical admin: to look at, not to edit. Every
change goes through `matrix.profiles` (rules, workflow, audit), which the
staff and organisation screens call."""

from django.contrib import admin

from ancrage.matrix.models import (
    MatrixProfile,
    ProfileActivity,
    ProfileMarket,
    ProfileSkill,
    Proposal,
    Transition,
)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SkillInline(ReadOnlyInline):
    model = ProfileSkill
    fields = ["entry", "comment"]


class ActivityInline(ReadOnlyInline):
    model = ProfileActivity
    fields = ["activity", "comment"]


class MarketInline(ReadOnlyInline):
    model = ProfileMarket
    fields = ["market", "comment"]


class TransitionInline(ReadOnlyInline):
    model = Transition
    fields = ["at", "from_state", "to_state", "by", "note"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MatrixProfile)
class MatrixProfileAdmin(ReadOnlyAdmin):
    list_display = ["membership", "state", "updated_at", "validated_at"]
    list_filter = ["state", "membership__cluster"]
    list_select_related = ["membership__cluster", "membership__organisation"]
    search_fields = ["membership__organisation__name"]
    inlines = [SkillInline, ActivityInline, MarketInline, TransitionInline]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["profile", "status", "proposed_by", "proposed_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["profile__membership__cluster", "profile__membership__organisation"]
    search_fields = ["profile__membership__organisation__name"]
