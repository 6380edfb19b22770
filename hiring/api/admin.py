from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import AccessToken, PublicPosting, WebhookDelivery, WebhookEndpoint, WebhookEvent


class WebhookEndpointForm(forms.ModelForm):
    url = forms.URLField(label=_("接收地址"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("事件"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "events", "is_active"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = WebhookEndpointForm
    list_display = ["name", "url", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "event",
        "endpoint",
        "sheet",
        "status",
        "response_code",
        "attempts",
        "last_attempt_at",
    ]
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint", "sheet"]
    search_fields = ["uid", "sheet__title", "endpoint__name"]
    readonly_fields = [
        "uid",
        "endpoint",
        "event",
        "sheet",
        "body",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "last_attempt_at",
        "delivered_at",
        "created_at",
    ]
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("重新发送所选投递"), permissions=["change"])
    def resend(self, request, queryset):
        count = 0
        for delivery in queryset:
            services.webhook_delivery_resend(delivery=delivery)
            count += 1
        self.message_user(
            request,
            ngettext("已重新发送 %(count)d 个投递。", "已重新发送 %(count)d 个投递。", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    """Tokens are made by their owners on their own page; admins may only see and revoke."""

    list_display = ["name", "user", "prefix", "scope", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["scope"]
    list_select_related = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = [
        "user",
        "name",
        "prefix",
        "scope",
        "expires_at",
        "last_used_at",
        "created_at",
    ]
    fields = [*readonly_fields, "revoked_at"]

    def has_add_permission(self, request):
        return False


@admin.register(PublicPosting)
class PublicPostingAdmin(admin.ModelAdmin):
    list_display = ["sheet", "employment_type", "valid_through", "published_by", "revoked_at"]
    list_select_related = ["sheet", "published_by"]
    search_fields = ["sheet__title"]
    readonly_fields = ["sheet", "token", "published_by", "created_at"]
    fields = [*readonly_fields, "employment_type", "valid_through", "revoked_at"]

    def has_add_permission(self, request):
        return False
