from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def max_length(model, field: str) -> int:
    """The length `field` of `model` allows: forms and API schemas limit input to it."""
    return model._meta.get_field(field).max_length


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True


class SlugManager(models.Manager):
    """Lets fixtures refer to catalog rows by slug instead of primary key."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SlugNaturalKeyModel(TimeStampedModel):
    slug = models.SlugField(_("标识"), max_length=64, unique=True)

    objects = SlugManager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.slug,)


class ImportJob(models.Model):
    """An admin import too long for one request: its file, and its result once a task worker
    (or, without one, the web process) has run it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("导入中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="import_jobs",
        verbose_name=_("发起人"),
    )
    model = models.CharField(_("数据类型"), max_length=100)  # app_label.model_name
    resource_index = models.PositiveSmallIntegerField(default=0)
    format_index = models.PositiveSmallIntegerField(default=0)
    file_name = models.CharField(_("文件"), max_length=255)
    data = models.BinaryField()
    rows = models.PositiveIntegerField(_("行数"))
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    totals = models.JSONField(_("结果"), default=dict, blank=True)
    errors = models.JSONField(_("错误"), default=list, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("导入任务")
        verbose_name_plural = _("导入任务")

    def __str__(self):
        return f"{self.model} · {self.file_name}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
