"""The coordinator's pages read in plain words, in a real browser: the sign-in page's command,
the schedule picker, the pairing preview and the zone each time is in.
"""

from __future__ import annotations

import pytest

from tests.browser.test_dashboard import new_page

pytestmark = pytest.mark.browser


def test_the_sign_in_page_never_breaks_a_word_of_its_command(browser, live_server, coordinator):
    for width in (320, 390, 1280):
        page, problems = new_page(browser, live_server, phone=width < 500)
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/login")
        broken = page.locator("code").evaluate("""code => {
          const text = code.firstChild, words = [], range = document.createRange();
          for (const match of text.data.matchAll(/\\S+/g)) {
            range.setStart(text, match.index); range.setEnd(text, match.index + match[0].length);
            if (range.getClientRects().length > 1) words.push(match[0]);
          }
          return words;
        }""")
        assert broken == [], (width, broken)
        assert problems == []
        page.context.close()
