"""The sheet wizard: django-formtools' named-URL wizard with the sheet itself as storage.

formtools keeps step data in the session and revalidates it at the end. Here every step is
written to the database when it is left, so the session holds nothing worth losing:

- the storage is per sheet (its prefix carries the sheet id) and lives in the sheet row, so
  two tabs on two sheets never mix, and an expired session or a restart loses nothing;
- a plain GET never resets anything: the wizard URL without a step resumes at the sheet's
  last step;
- Back (and any jump along the progress bar) saves the current step first; input that is not
  valid yet is kept in the sheet's wizard state and shown again, with its errors, on return;
- each form carries the sheet version it was loaded at; a re-posted page or a save from
  another window with an older version is refused and nothing is overwritten.
"""

import hashlib

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from formtools.wizard.forms import ManagementForm
from formtools.wizard.storage.base import BaseStorage
from formtools.wizard.views import NamedUrlWizardView, StepsHelper

from hiring.catalog.models import Capability, CapabilityCategory
from hiring.common import versions
from hiring.quality.runner import check_sheet

from . import access, services
from .forms import BasicsForm, PostingForm, ReviewForm, category_step_form
from .models import RequirementSheet
from .selectors.choices import capabilities_to_add, presets_with_items
from .selectors.posting import posting_view
from .selectors.sheets import items_by_category, latest_return, sheet_items

CATEGORY_STEPS = ["hard", "core", "value", "bonus"]
ITEMS_CACHE_TIMEOUT = 60 * 10
STEPS = [
    ("basics", BasicsForm),
    *[(slug, category_step_form(slug)) for slug in CATEGORY_STEPS],
    ("posting", PostingForm),
    ("review", ReviewForm),
]
STEP_NAMES = [name for name, _form in STEPS]
# Steps whose page shows the sheet's preset, industry and people. The others, served from the
# cache, read the sheet alone: the joins cost more than the rest of their queries together.
STEPS_SHOWING_THE_SHEET = ("basics", "review")
STEP_LABELS = {
    "basics": gettext_lazy("基本信息与模板"),
    "hard": gettext_lazy("硬性条件"),
    "core": gettext_lazy("核心能力"),
    "value": gettext_lazy("高价值素质"),
    "bonus": gettext_lazy("加分项"),
    "posting": gettext_lazy("职位发布与流程"),
    "review": gettext_lazy("检查与预览"),
}


class SheetStorage(BaseStorage):
    """formtools storage kept in the sheet row: only input that could not be saved yet."""

    def __init__(self, sheet: RequirementSheet, request):
        super().__init__(f"sheet_{sheet.pk}", request)
        self.actor = request.user
        self.sheet = sheet
        self.init_data()
        self.data[self.step_key] = sheet.last_step if sheet.last_step in STEP_NAMES else None
        self.reload()

    def reload(self):
        """Takes the kept input from the sheet again: a service may have dropped it."""
        self.data[self.step_data_key] = dict(self.sheet.wizard_state.get("step_data", {}))

    def set_step_data(self, step, cleaned_data):
        if cleaned_data is None:
            self.data[self.step_data_key].pop(step, None)
        else:
            services.check_wizard_state_size({**self.data[self.step_data_key], step: cleaned_data})
            super().set_step_data(step, cleaned_data)

    def reset(self):
        # Nothing to forget: the sheet in the database is the wizard's state.
        pass

    def update_response(self, response):
        services.sheet_set_wizard_state(
            sheet=self.sheet, actor=self.actor, state={"step_data": self.data[self.step_data_key]}
        )


class SheetWizardView(NamedUrlWizardView):
    """formtools' named-URL wizard, its storage the sheet row.

    What formtools decides stays with it: the steps and their forms (`get_form` with
    `get_form_kwargs`, `get_form_instance`, `get_form_initial`), the step URLs, where a
    saved step goes next (`render_next_step`, `render_goto_step`), what is kept of input
    that is not valid yet (`process_step`) and `done`.

    `post()` is our own. formtools' keeps each valid step in its storage, leaves a step
    unchecked and unsaved when Back is pressed, and writes nothing until `done`, after
    revalidating every step. Here every step is written to the database as a draft when it
    is left, and that write can be refused, which none of formtools' hooks can answer with a
    page: a page loaded at an older version of the sheet (`render_conflict`, 409), a sheet
    that would grow too large, a sheet no longer editable. So `post()` reads the request,
    then hands over to one named method for each outcome: `discard_input`,
    `leave_with_invalid_input` (a jump keeps the input, with its errors, for the return),
    `render_done` for the last step (nothing to revalidate) and `save_and_move` (保存草稿
    and adding a capability save and stay; Next and Back save and move).
    """

    form_list = STEPS
    url_name = "sheets:wizard"
    done_step_name = "done"

    def get_template_names(self):
        return [f"sheets/wizard/{self.steps.current}.html", "sheets/wizard/category.html"]

    # --- access and storage -------------------------------------------------------------

    def dispatch(self, request, *args, **kwargs):
        # formtools' own dispatch builds its storage from a class path and the session; ours
        # needs the sheet, so it is built here, once the sheet is known to be the user's.
        refused = self.load_sheet(request, step=kwargs.get("step"), pk=kwargs["pk"])
        if refused is not None:
            return refused
        self.prefix = self.get_prefix(request, *args, **kwargs)
        self.storage = SheetStorage(self.sheet, request)
        self.steps = StepsHelper(self)
        response = View.dispatch(self, request, *args, **kwargs)
        self.storage.update_response(response)
        return response

    def load_sheet(self, request, *, step: str | None, pk: int):
        """Sets `self.sheet`, the author's draft; or the response that refuses the request."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.has_perm(access.VIEW):
            raise PermissionDenied
        sheets = access.visible_sheets(request.user).annotate(
            **versions.catalog_version("wizard_step")
        )
        if step in STEPS_SHOWING_THE_SHEET:
            sheets = sheets.select_related("preset__industry", "industry", "owner")
        self.sheet = get_object_or_404(sheets, pk=pk)
        if not access.is_author.test(request.user, self.sheet):
            raise PermissionDenied
        if not access.may_edit.test(request.user, self.sheet):
            messages.error(
                request,
                _("这张需求表处于「%(status)s」状态，不能再编辑。")
                % {"status": self.sheet.get_status_display()},
            )
            return redirect("sheets:detail", pk=self.sheet.pk)
        return None

    def get_prefix(self, request, *args, **kwargs):
        return f"sheet_wizard_{kwargs['pk']}"

    def get_step_url(self, step):
        return reverse(self.url_name, kwargs={"pk": self.sheet.pk, "step": step})

    # --- forms ---------------------------------------------------------------------------

    def get_form_instance(self, step):
        if step == "basics":
            return self.sheet
        if step == "posting":
            return self.sheet.posting
        if step in CATEGORY_STEPS:
            return sheet_items(sheet=self.sheet).filter(category__slug=step)
        return None

    def get_form_kwargs(self, step=None):
        if step == "basics":
            return {
                "items_edited": services.sheet_edited_since_preset(sheet=self.sheet),
                "challenge_changes": lambda challenges: services.sheet_challenge_changes(
                    sheet=self.sheet, challenges=challenges
                ),
            }
        if step in CATEGORY_STEPS:
            return {"language": self.sheet.language}
        return {}

    def get_form_initial(self, step):
        if step == "basics":
            return {"preset": self.sheet.preset_id, "challenges": self.sheet.challenge_slugs}
        return {}

    # --- GET: resume, never reset --------------------------------------------------------

    def get(self, *args, **kwargs):
        step = kwargs.get("step")
        if step == self.done_step_name:
            return redirect("sheets:detail", pk=self.sheet.pk)
        if step not in self.get_form_list():
            return redirect(self.get_step_url(self.steps.current))
        self.storage.current_step = step
        return self.render(self.get_form(step=step, data=self.storage.get_step_data(step)))

    # --- POST: save the step, then move ---------------------------------------------------

    def post(self, *args, **kwargs):
        """Saves the step the page showed, then moves on; see the class's docstring."""
        step = self.posted_step()
        if "wizard_discard" in self.request.POST:
            return self.discard_input(step)
        form = self.get_form(step=step, data=self.request.POST, files=self.request.FILES)
        expected_version = self.posted_version()
        if expected_version != self.sheet.version:
            return self.render_conflict(form, expected_version)
        goto = self.posted_goto()
        if not form.is_valid():
            return self.leave_with_invalid_input(step, form, goto)
        if step == self.steps.last and not goto and "wizard_save" not in self.request.POST:
            return self.render_done(form, **kwargs)
        return self.save_and_move(step, form, expected_version, goto)

    def posted_step(self) -> str:
        """The step of the page that was sent, from formtools' management form: it becomes
        the current step, whatever step the sheet was left at."""
        management_form = ManagementForm(self.request.POST, prefix=self.prefix)
        if not management_form.is_valid():
            raise SuspiciousOperation(_("向导表单数据缺失或被篡改。"))
        step = management_form.cleaned_data["current_step"]
        if step not in self.get_form_list():
            raise SuspiciousOperation(_("向导表单数据缺失或被篡改。"))
        self.storage.current_step = step
        return step

    def posted_version(self) -> int:
        """The version of the sheet the page was loaded at."""
        try:
            return int(self.request.POST.get("sheet_version", ""))
        except ValueError as exc:
            raise SuspiciousOperation(_("向导表单数据缺失或被篡改。")) from exc

    def posted_goto(self) -> str:
        """The step asked for by Back or the progress bar; "" for Next, 保存草稿 or none."""
        goto = self.request.POST.get("wizard_goto_step", "")
        return goto if goto in self.get_form_list() else ""

    def discard_input(self, step: str):
        self.storage.set_step_data(step, None)
        messages.info(self.request, _("已放弃未保存的输入。"))
        return redirect(self.get_step_url(step))

    def leave_with_invalid_input(self, step: str, form, goto: str):
        """The step again with its errors; or, for a jump, the input kept for the return."""
        capability = self.capability_to_add(step)
        if capability is not None:
            messages.error(
                self.request,
                _("请先修正本步骤中标出的错误，再添加「%(name)s」。") % {"name": capability.name},
            )
        if not goto:
            return self.render(form)
        try:
            self.storage.set_step_data(step, self.process_step(form))
        except services.WizardStateTooLarge as error:
            messages.error(self.request, str(error))
            return self.render(form)
        messages.warning(
            self.request,
            _("「%(step)s」中有未完成的输入，已为你暂存。") % {"step": self.step_label(step)},
        )
        return self.render_goto_step(goto)

    def save_and_move(self, step: str, form, expected_version: int, goto: str):
        """Writes the step (and a capability asked for), then goes where the button said:
        the same step for 保存草稿 or an added capability, else Back's or the next one."""
        saving = "wizard_save" in self.request.POST
        capability = self.capability_to_add(step)
        stays = saving or capability is not None
        reached = step if stays else goto or self.get_next_step(step)
        try:
            added = self.save(step, form, expected_version, reached=reached, capability=capability)
        except services.SheetConflict:
            return self.render_conflict(form, expected_version)
        except services.SheetTooLarge as refused:
            # Nothing saved: the page comes back with the input, and why, next to the buttons.
            self.size_error = str(refused)
            self.sheet.refresh_from_db(fields=["version", "last_step", "updated_at"])
            return self.render(form)
        except services.TransitionRefused as refused:
            messages.error(self.request, str(refused))
            return redirect(self.get_step_url(step))
        self.storage.reload()
        self.storage.set_step_data(step, None)

        if added is not None:
            messages.success(self.request, _("已添加「%(name)s」。") % {"name": capability.name})
            # Back at the new row, not at the top of the page (items.js focuses it).
            return redirect(f"{self.get_step_url(step)}#item-{added.pk}-requirement")
        if saving:
            messages.success(self.request, _("草稿已保存。"))
            return redirect(self.get_step_url(step))
        if goto:
            return self.render_goto_step(goto)
        return self.render_next_step(form)

    def capability_to_add(self, step: str) -> Capability | None:
        slug = self.request.POST.get("add_capability", "")
        if not slug or step not in CATEGORY_STEPS:
            return None
        return get_object_or_404(Capability, slug=slug, category__slug=step)

    def render_done(self, form, **kwargs):
        # The steps are in the database already: nothing to revalidate from storage.
        return self.done([form], form_dict={self.steps.current: form}, **kwargs)

    def done(self, form_list, form_dict=None, **kwargs):
        try:
            services.sheet_touch_step(
                sheet=self.sheet,
                actor=self.request.user,
                expected_version=self.posted_version(),
                step=self.steps.last,
            )
        except services.SheetConflict:
            return self.render_conflict(form_list[0], self.sheet.version - 1)
        self.storage.set_step_data(self.steps.last, None)
        if "wizard_submit" not in self.request.POST:
            messages.success(self.request, _("需求表已保存。"))
        else:
            try:
                services.sheet_submit(sheet=self.sheet, actor=self.request.user)
            except services.TransitionRefused as refused:
                messages.error(self.request, str(refused))
            else:
                messages.success(self.request, _("已提交给用人经理审批。"))
        return HttpResponseRedirect(reverse("sheets:detail", kwargs={"pk": self.sheet.pk}))

    @transaction.atomic
    def save(self, step: str, form, expected_version: int, *, reached: str, capability):
        """Writes the step and adds `capability` to it (if any) in one transaction; returns
        the added item."""
        self.save_step(step, form, expected_version, reached=reached)
        if capability is None:
            return None
        return services.sheet_add_capability(
            sheet=self.sheet,
            actor=self.request.user,
            expected_version=self.sheet.version,
            capability=capability,
            step=step,
        )

    def save_step(self, step: str, form, expected_version: int, reached: str) -> None:
        """Writes one step; the service refuses it if the version moved meanwhile."""
        if step == "basics":
            services.sheet_update_basics(
                sheet=self.sheet,
                actor=self.request.user,
                expected_version=expected_version,
                preset=form.cleaned_data["preset"],
                basics=form.cleaned_data,
                step=reached,
                challenges=form.cleaned_data["challenges"],
            )
        elif step in CATEGORY_STEPS:
            category = CapabilityCategory.objects.get(slug=step)
            services.sheet_save_items(
                sheet=self.sheet,
                actor=self.request.user,
                expected_version=expected_version,
                category_id=category.pk,
                items=[
                    services.ItemData(
                        pk=row.instance.pk,
                        name=row.cleaned_data["name"],
                        requirement=row.cleaned_data["requirement"],
                        priority=row.cleaned_data["priority"],
                        methods=row.cleaned_data["methods"],
                        included=row.cleaned_data["included"],
                        order=row.cleaned_data["order"],
                        deleted=row.cleaned_data.get("delete", False),
                        **{name: row.cleaned_data[name] for name in services.SCORECARD_FIELDS},
                    )
                    for row in form.forms
                    if row.instance.pk or row.has_changed()
                ],
                step=reached,
            )
        elif step == "posting":
            services.sheet_update_posting(
                sheet=self.sheet,
                actor=self.request.user,
                expected_version=expected_version,
                posting_data=form.cleaned_data,
                step=reached,
            )
        else:
            services.sheet_touch_step(
                sheet=self.sheet,
                actor=self.request.user,
                expected_version=expected_version,
                step=reached,
            )

    def render_conflict(self, form, stale_version: int):
        messages.error(
            self.request,
            _(
                "这张需求表在你打开本页之后已在别处保存过（另一个窗口或另一位同事），"
                "你这次的修改没有保存，以免覆盖对方的内容。请复制需要保留的内容，"
                "然后重新打开本步骤查看最新版本再修改。"
            ),
        )
        # The page keeps the version it was loaded at, so sending it again is refused again.
        response = self.render(form, stale_version=stale_version)
        response.status_code = 409
        return response

    # --- context ---------------------------------------------------------------------------

    def items_key(self, step: str) -> str:
        """What a category step shows of the sheet as saved: any save moves the sheet to a new
        version, and the catalog's, the language's and the templates' changes count too."""
        parts = [
            self.sheet.pk,
            self.sheet.version,
            step,
            translation.get_language(),
            self.sheet.catalog_version,
            versions.template_version("sheets/wizard/category.html"),
        ]
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]

    @staticmethod
    def step_label(step: str) -> str:
        return str(STEP_LABELS.get(step, step))

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        step = self.steps.current
        context.update(
            sheet=self.sheet,
            step_labels=[(name, self.step_label(name)) for name in self.get_form_list()],
            current_label=self.step_label(step),
            sheet_version=kwargs.get("stale_version", self.sheet.version),
            has_unsaved_input=self.storage.get_step_data(step) is not None,
            size_error=getattr(self, "size_error", ""),
            returned=latest_return(sheet=self.sheet),
        )
        if step in CATEGORY_STEPS:
            # Everything below is read only when the step's rows are not in the cache.
            category = SimpleLazyObject(lambda: CapabilityCategory.objects.get(slug=step))
            context.update(
                category=category,
                addable=SimpleLazyObject(
                    lambda: list(capabilities_to_add(sheet=self.sheet, category=category))
                ),
                items_key=None if form.is_bound else self.items_key(step),
                items_timeout=ITEMS_CACHE_TIMEOUT,
            )
        if step == "basics":
            context["presets"] = presets_with_items()
        if step == "review":
            items = list(sheet_items(sheet=self.sheet, included_only=True))
            context.update(
                quality=check_sheet(sheet=self.sheet, items=items),
                groups=items_by_category(items),
                posting=self.sheet.posting,
                posting_view=posting_view(sheet=self.sheet, items=items),
            )
        return context
