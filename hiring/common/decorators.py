from django.views.decorators.cache import cache_control

# Sheet content is internal: never kept by a browser cache or a shared proxy.
private_page = cache_control(private=True, no_store=True)
