"""An interactive historical timeline for teaching: the Dash app.

`create_app(path)` builds the app on one events file; `server` is what gunicorn serves
(`gunicorn app:server`, with TIMELINE_DATA naming the file). The command line is in
cli.py (`timeline serve|check|new|export`); `python app.py ...` runs it too.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from dash import Dash, dcc, html

import guard
import media
from cli import DATA_ENV, DEFAULT_DATA
from components import (
    banner,
    detail,
    event_list,
    filters,
    footer,
    header,
    share,
    timeline,
    urlsync,
)
from core.i18n import DEFAULT_LANG, t
from core.load.problems import DataError, report
from core.load.store import TimelineStore
from core.publish.pictures import remote_from_env
from lecture import handout_route, mode, slide_route
from prerender import first_view
from quiz import page as quiz_page
from serving import (
    INDEX,
    AnswerCache,
    LeanDash,
    cache_assets,
    callback_key,
    compress,
    layout_key,
    preload_chart,
    prepare,
)

HERE = Path(__file__).parent


def create_app(
    data_path: str | Path = DEFAULT_DATA,
    remote_media: bool | None = None,
    frame_ancestors: str | None = None,
) -> Dash:
    """Build the app on one events file. Raises `DataError` if the data has errors.

    `remote_media`: whether pages may fetch pictures given as http(s) addresses (default:
    $TIMELINE_REMOTE_MEDIA); otherwise they show a link to them.
    `frame_ancestors`: which pages may frame it (guard/headers.py; default: any, or
    $TIMELINE_FRAME_ANCESTORS).
    """
    store = TimelineStore(data_path)
    remote = remote_from_env() if remote_media is None else remote_media
    app = LeanDash(
        __name__,
        title=store.current().front.title(DEFAULT_LANG),
        update_title=None,
        compress=False,  # serving.compress: in the encodings chosen there, not only gzip
        serve_locally=True,
        assets_folder=str(HERE / "assets"),
    )
    app.index_string = INDEX
    compress(app.server)
    preload_chart(app, HERE / "assets" / "style.css")
    # Dash checks callbacks against this and puts it in every page's HTML: the page's
    # components without the events drawn in them (with them, each visit sent 40 KB more).
    app.validation_layout = page(store, timeline.View({}, "", {}, ""))
    # A function, so that each page load is built on the data as it is now on disk.
    app.layout = lambda: page(store)
    app.first_view = lambda query: first_view(store, query, page)  # drawn in the HTML
    app.server.config["TIMELINE_DATA"] = str(store.path)
    media.register(app.server, store.current, remote)
    cache_assets(app.server)
    header.register(app, store.current)
    banner.register(app, store)
    filters.register(app, store.current)
    timeline.register(app, store.current)
    detail.register(app, store.current, remote)
    event_list.register(app)
    share.register(app, store.current)
    urlsync.register(app, store.current)
    footer.register(app, store.changed, store.current)
    lecture = mode.create(app, store.current, HERE / "assets", remote)  # at /present/
    quiz = quiz_page.create(app, store.current, HERE / "assets")  # the self-test at /quiz/
    handout_route.register(app.server, store.current, remote)  # /handout
    share.register_routes(app.server, store.current)  # /references/<event>.<format>
    slide_route.register(app.server, store.current)  # /slide.json, the presenter's slide
    keys = [
        callback_key(timeline.CACHED_OUTPUTS),
        layout_key(lambda: store.version, timeline.width_key),
    ]
    app.server.wsgi_app = AnswerCache(app.server.wsgi_app, keys)
    guard.install(  # outside it all
        app, lecture, quiz, frame_ancestors=frame_ancestors, remote_media=remote
    )
    prepare(app)
    return app


def page(
    store: TimelineStore, view: timeline.View | None = None, lang: str = DEFAULT_LANG
) -> html.Div:
    """The whole page, on the timeline the store holds now, showing `view` (by default
    every event, as the page opens), in `lang`."""
    view = view or timeline.first_view(store)
    return html.Div(
        className="app",
        children=[
            html.A(t(lang, "skip_link"), href="#main", id="skip-link", className="skip-link"),
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="selected"),  # no data=None (components/urlsync.py, layout)
            header.layout(store.current().front, lang),
            urlsync.layout(),
            html.Main(
                id="main",
                tabIndex="-1",
                className="layout",
                children=[
                    filters.layout(store.current(), view.count, lang),
                    html.Div(
                        className="content",
                        children=[
                            banner.layout(store, lang),
                            timeline.layout(view, lang),
                            detail.layout(view.entries.get("steps"), lang),
                            event_list.layout(view.entries, lang),
                            share.layout(store.current().front, lang),
                        ],
                    ),
                ],
            ),
            footer.layout(store.changed(), store.current().front, lang),
        ],
    )


def __getattr__(name: str):
    """`server` for `gunicorn app:server`, built on first use from $TIMELINE_DATA."""
    if name != "server":
        raise AttributeError(name)
    path = os.environ.get(DATA_ENV) or DEFAULT_DATA
    try:
        server = create_app(path).server
    except DataError as exc:
        print(report(exc.problems), file=sys.stderr)
        raise SystemExit(f"Not serving {path}: fix the errors above.") from None
    # What is built so far (the app, the data, the first view) lives as long as the
    # process: the garbage collector need not look through it again at every pass
    # (0.3 ms of a 4.5 ms redraw at 1,000 events).
    gc.freeze()
    return server


if __name__ == "__main__":
    from cli import main

    sys.exit(main())
