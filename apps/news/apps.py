from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "apps.news"
    label = "news"
    verbose_name = _("News and events")

    def ready(self):
        from apps.core.registry import (
            DemoLoader,
            DetailBlock,
            HomeBlock,
            NavEntry,
            SiteMapPart,
            SiteMapSection,
            register_demo_loader,
            register_detail_block,
            register_home_block,
            register_nav,
            register_site_map_part,
            register_site_map_section,
            register_sitemap,
        )
        from apps.news import blocks, demo
        from apps.news.models import Event, NewsArticle
        from apps.news.sitemaps import (
            EventSitemap,
            NewsArticleSitemap,
            NewsListsSitemap,
            site_map_links,
        )

        register_nav(NavEntry("news", _("News"), "news:article-list", order=40))
        register_nav(NavEntry("events", _("Events"), "news:event-list", order=50))
        register_sitemap("news-lists", NewsListsSitemap)
        register_sitemap("news", NewsArticleSitemap)
        register_sitemap("events", EventSitemap)
        register_site_map_section(SiteMapSection("news", _("News and events"), order=40))
        register_site_map_part(SiteMapPart("news", "news", site_map_links))
        register_home_block(
            HomeBlock("news", "news/includes/_home_news.html", blocks.home_news, order=10)
        )
        register_detail_block(
            DetailBlock(
                "team-news",
                "teams.team",
                "news/includes/_related_news.html",
                blocks.team_news,
                order=10,
            )
        )
        register_detail_block(
            DetailBlock(
                "person-news",
                "teams.person",
                "news/includes/_related_news.html",
                blocks.person_news,
                order=10,
            )
        )
        register_demo_loader(DemoLoader("news", demo.load, order=30))
        register_demo_loader(DemoLoader("news-images", demo.load_images, order=31))
        from apps.core.registry import SearchSource, register_search_source
        from apps.news import search

        register_search_source(
            SearchSource(
                "article",
                NewsArticle,
                search.article_texts,
                search.public_articles,
                _("News"),
                order=40,
            )
        )
        register_search_source(
            SearchSource(
                "event", Event, search.event_texts, search.public_events, _("Events"), order=50
            )
        )
        from apps.core.registry import ScaleLoader, register_scale_loader
        from apps.news import scale
        from apps.news.models import Category, Event, NewsArticle

        register_scale_loader(
            ScaleLoader("news", scale.make, (Category, NewsArticle, Event), order=20)
        )
