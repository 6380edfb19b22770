"""Catalog texts are checked where they are written: a capability, a preset, a preset item, a
core challenge or a screening term typed with discriminatory wording, in Chinese or in English,
is refused in admin, with the reason next to the field."""

import pytest
from django.urls import reverse

from hiring.catalog.models import (
    Capability,
    ChallengeEffect,
    CoreChallenge,
    Preset,
    PresetItem,
    ScreeningTerm,
)

pytestmark = pytest.mark.django_db


def _value(data: dict, name: str, value):
    if value is None or value is False:
        return
    if value is True:
        data[name] = "on"
    elif isinstance(value, list | tuple):
        data[name] = [str(v) for v in value]
    else:
        data[name] = str(value)


def form_data(response) -> dict:
    """What the change page would post back unchanged, inlines included."""
    data: dict = {}
    form = response.context["adminform"].form
    for name in form.fields:
        _value(data, name, form[name].value())
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            _value(data, f"{formset.prefix}-{name}", formset.management_form[name].value())
        for item_form in formset.forms:
            for name in item_form.fields:
                _value(data, item_form.add_prefix(name), item_form[name].value())
    return data


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("requirement_zh_hans", "限女性,普通话标准"),
        ("star_prompts_zh_hans", "你结婚了吗?打算什么时候要孩子?"),
        ("anchor_5_zh_hans", "形象气质佳,35岁以下"),
        ("name_zh_hans", "年轻有活力者优先"),
        ("requirement_en", "Female applicants only, standard Mandarin"),
        ("star_prompts_en", "Are you married? When do you plan to have children?"),
        ("anchor_5_en", "Presentable, under 35"),
        ("name_en", "Young and energetic applicants preferred"),
    ],
)
def test_a_capability_with_discriminatory_wording_is_refused(
    client, catalog, admin_amy, field, text
):
    capability = Capability.objects.get(name="共情能力")
    url = reverse("admin:catalog_capability_change", args=[capability.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data[field] = text

    response = client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == [field]
    assert "限制" in errors[field][0]  # the reason, in the admin's language
    assert "errorlist" in response.text
    capability.refresh_from_db()
    assert getattr(capability, field) != text


def test_a_capability_with_fair_wording_is_saved(client, catalog, admin_amy):
    capability = Capability.objects.get(name="共情能力")
    url = reverse("admin:catalog_capability_change", args=[capability.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data["requirement_zh_hans"] = "能安抚情绪激动的女性客户和老年客户,三分钟内给出解决方案"
    data["requirement_en"] = "Calms upset female and elderly customers, offers a fix within 3 min"

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    capability.refresh_from_db()
    assert capability.requirement_zh_hans.startswith("能安抚")
    assert capability.requirement_en.startswith("Calms upset")


def test_a_preset_and_its_item_texts_are_checked(client, catalog, admin_amy):
    preset = Preset.objects.get(slug="ecommerce")
    url = reverse("admin:catalog_preset_change", args=[preset.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data["responsibilities_zh_hans"] = "接待咨询\n仅限本地户口"
    data["summary_en"] = "Answer customer questions. Married applicants with children preferred."
    data["items-0-requirement_en"] = "Men only"

    response = client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert {"responsibilities_zh_hans", "summary_en"} <= set(errors)
    (formset,) = [inline.formset for inline in response.context["inline_admin_formsets"]]
    assert "requirement_en" in formset.forms[0].errors
    preset.refresh_from_db()
    assert "本地户口" not in preset.responsibilities_zh_hans
    assert preset.summary_en != data["summary_en"]


def test_a_preset_item_on_its_own_page_is_checked(client, catalog, admin_amy):
    item = PresetItem.objects.first()
    url = reverse("admin:catalog_presetitem_change", args=[item.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data["requirement_en"] = "Applicants under 35 only"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "requirement_en" in response.context["adminform"].form.errors


def test_a_core_challenge_and_its_effects_are_checked(client, catalog, admin_amy):
    challenge = CoreChallenge.objects.filter(effects__isnull=False).distinct().first()
    url = reverse("admin:catalog_corechallenge_change", args=[challenge.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data["screening_question_en"] = "Are you planning to get pregnant in the next two years?"
    data["effects-0-reason_zh_hans"] = "年轻人学得快,优先35岁以下"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "screening_question_en" in response.context["adminform"].form.errors
    (formset,) = [inline.formset for inline in response.context["inline_admin_formsets"]]
    assert "reason_zh_hans" in formset.forms[0].errors
    challenge.refresh_from_db()
    assert challenge.screening_question_en != data["screening_question_en"]


def test_a_challenge_with_fair_wording_is_saved(client, catalog, admin_amy):
    challenge = CoreChallenge.objects.filter(effects__isnull=False).distinct().first()
    url = reverse("admin:catalog_corechallenge_change", args=[challenge.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data["screening_question_zh_hans"] = "请举一个你安抚老年客户情绪的例子。"

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    challenge.refresh_from_db()
    assert challenge.screening_question == "请举一个你安抚老年客户情绪的例子。"


def test_a_challenge_effect_on_its_own_page_is_checked(client, catalog, admin_amy):
    effect = ChallengeEffect.objects.first()
    url = reverse("admin:catalog_challengeeffect_change", args=[effect.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data["interview_prompts_en"] = "Are you planning to have children soon?"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "interview_prompts_en" in response.context["adminform"].form.errors


def test_a_screening_term_is_checked(client, catalog, admin_amy):
    term = ScreeningTerm.objects.first()
    url = reverse("admin:catalog_screeningterm_change", args=[term.pk])
    client.force_login(admin_amy)
    data = form_data(client.get(url))
    data["aliases_en"] = "female only"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "aliases_en" in response.context["adminform"].form.errors
