from django.db import models
from django.utils.translation import gettext_lazy as _


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
