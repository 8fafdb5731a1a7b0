from django.db import models
from django.urls import reverse

from apps.core.models import Image, Publishable
from apps.core.richtext import RichTextField


class Article(Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    body = RichTextField()
    image = models.ForeignKey(Image, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("testapp:article", kwargs={"slug": self.slug})
