"""Reading aids in Chromium: reading modes on the article page, previews of paragraphs and figures in place.

The texts a preview must show are read from the sources as received, not from the site:
the seed's block (set with Chinese punctuation, the one function the typography tests
check rule by rule) and the translation file's own section.
"""
import re

import pytest
import yaml

from explainer import ROOT
from explainer.languages import page_url
from explainer.typography import chinese_punctuation

SEED = (ROOT / "seeds" / "kuaishou-kling-ai-business-unit.zh.txt").read_text(encoding="utf-8")
TRANSLATION = (ROOT / "seeds" / "translation.en.md").read_text(encoding="utf-8")
FIGURES = {entry["id"]: entry for entry in yaml.safe_load((ROOT / "seeds" / "figures.yml").read_text(encoding="utf-8"))}


def english(block: str) -> str:
    """A block's English, straight from seeds/translation.en.md."""
    return re.search(rf"^## {block} · zh:\w+\n\n(.+?)\n\n", TRANSLATION + "\n\n", re.M | re.S)[1].strip()


def visible(page, selector: str) -> list[bool]:
    return page.locator(selector).evaluate_all("els => els.map(e => e.getClientRects().length > 0)")


# -- reading modes -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_mode_hides_what_it_should(page, base_url, lang):
    page.goto(f"{base_url}/{page_url(lang, 'article')}")
    paragraphs = ".parallel:not(:target)"
    assert all(visible(page, f"{paragraphs} > [lang=zh]")) and all(visible(page, f"{paragraphs} > [lang=en]"))
    page.get_by_role("radio", name=re.compile("只看中文|Chinese only")).check()
    assert all(visible(page, f"{paragraphs} > [lang=zh]")) and not any(visible(page, f"{paragraphs} > [lang=en]"))
    page.get_by_role("radio", name=re.compile("只看英文|English only")).check()
    assert all(visible(page, f"{paragraphs} > [lang=en]")) and not any(visible(page, f"{paragraphs} > [lang=zh]"))


def test_the_choice_is_kept_after_a_reload_and_on_the_other_language_s_site(page, base_url):
    page.goto(f"{base_url}/article/")
    page.get_by_role("radio", name="只看英文").check()
    page.reload()
    assert page.get_by_role("radio", name="只看英文").is_checked()
    page.goto(f"{base_url}/en/article/")
    assert page.get_by_role("radio", name="English only").is_checked()
    assert not any(visible(page, ".parallel > [lang=zh]"))


def test_a_hidden_paragraph_reached_by_its_address_shows_both_languages(page, base_url):
    page.goto(f"{base_url}/en/article/")
    page.get_by_role("radio", name="English only").check()
    page.goto(f"{base_url}/en/article/#p16")
    assert visible(page, "#p16 > [lang=zh]") == [True] and visible(page, "#p17 > [lang=zh]") == [False]


def test_the_modes_are_a_radio_group_a_keyboard_can_use(page, base_url):
    page.goto(f"{base_url}/en/article/")
    group = page.get_by_role("group", name="Reading mode")
    assert group.get_by_role("radio").count() == 3
    page.get_by_role("radio", name="Both").focus()
    page.keyboard.press("ArrowLeft")  # radio groups move with the arrow keys
    assert page.get_by_role("radio", name="English only").is_checked()


def test_without_script_the_page_shows_both_and_the_modes_still_work(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/article/")
    assert all(visible(page, ".parallel > [lang=en]"))
    page.get_by_role("radio", name="只看中文").check()
    assert not any(visible(page, ".parallel > [lang=en]"))
    context.close()


def test_print_follows_the_mode(page, base_url):
    page.goto(f"{base_url}/article/")
    page.get_by_role("radio", name="只看中文").check()
    page.emulate_media(media="print")
    assert not any(visible(page, ".parallel:not(:target) > [lang=en]")) and all(visible(page, ".parallel > [lang=zh]"))
    assert visible(page, ".reading-modes") == [False]


# -- previews ------------------------------------------------------------------------------------------------

def tip(page):
    return page.locator(".md-tooltip2--active .site-preview")


def test_hovering_a_passage_link_previews_its_paragraph_in_the_page_s_language(page, base_url):
    page.goto(f"{base_url}/organization/")
    link = page.locator('blockquote.passage a.passage-source[href$="#p07"]')
    link.hover()
    tip(page).wait_for()
    block = next(b for b in SEED.split(" ") if b.startswith("公告中"))
    assert tip(page).locator(".site-preview__text").inner_text() == chinese_punctuation(block)
    assert tip(page).locator("a.site-preview__open").get_attribute("href").endswith("/article/#p07")


def test_on_english_pages_the_preview_gives_the_original_beside_the_translation(page, base_url):
    page.goto(f"{base_url}/en/revenue/")
    page.locator('blockquote.passage a.passage-source[href$="#p17"]').focus()
    tip(page).wait_for()
    texts = tip(page).locator(".site-preview__text").all_inner_texts()
    original = next(b for b in SEED.split(" ") if b.startswith("1亿元,不算惊艳"))
    assert texts == [english("p17"), chinese_punctuation(original)]
    assert tip(page).locator('.site-preview__text[lang="zh"]').count() == 1


def test_focus_describes_the_link_and_escape_closes_the_preview(page, base_url):
    page.goto(f"{base_url}/en/organization/")
    link = page.locator('blockquote.passage a.passage-source[href$="#p08"]')
    link.focus()
    tip(page).wait_for()
    assert link.get_attribute("aria-describedby") == "site-tip"
    page.keyboard.press("Escape")
    page.locator(".md-tooltip2--active").wait_for(state="detached")
    assert link.get_attribute("aria-describedby") is None


def test_the_pointer_can_move_onto_the_preview(page, base_url):
    page.goto(f"{base_url}/products/")
    link = page.locator('blockquote.passage a.passage-source[href$="#p11"]')
    link.hover()
    tip(page).wait_for()
    box = tip(page).bounding_box()
    page.mouse.move(box["x"] + 10, box["y"] + 10, steps=4)
    page.wait_for_timeout(600)  # longer than the hiding delay
    assert tip(page).is_visible()


def test_a_figure_s_preview_marks_its_own_words_in_its_sentence(page, base_url):
    page.goto(f"{base_url}/en/revenue/")
    link = page.locator('.figure-card[data-figure="kling-users"] a.figure-card__source')
    link.hover()
    tip(page).wait_for()
    marks = tip(page).locator("mark").all_inner_texts()
    words = FIGURES["kling-users"]
    assert marks == [words["translation"], words["zh"]]
    sentence = tip(page).locator(".site-preview__text").first.inner_text()
    assert sentence in english("p16") and words["translation"] in sentence


@pytest.fixture
def landscape_by_touch(browser, base_url):
    """/landscape/ on a touch screen: a phone or, with phone=False, a laptop that has a mouse too;
    with reading_fails, the paragraphs (reading.json) answer 503."""
    contexts = []

    def open_page(phone: bool = True, reading_fails: bool = False):
        viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        context = browser.new_context(viewport=viewport, has_touch=True, is_mobile=phone)
        contexts.append(context)
        if reading_fails:
            context.route("**/reading.json", lambda route: route.fulfill(status=503, body=""))
        page = context.new_page()
        page.goto(f"{base_url}/landscape/")
        return page
    yield open_page
    for context in contexts:
        context.close()


def passage_link(page, block: str):
    link = page.locator(f'blockquote.passage a.passage-source[href$="#{block}"]')
    link.scroll_into_view_if_needed()
    return link


def test_on_a_touch_screen_the_first_tap_previews_and_the_second_follows(landscape_by_touch):
    page = landscape_by_touch()
    passage_link(page, "p37").tap()
    tip(page).wait_for()
    assert "/landscape/" in page.url
    # the next link's first tap previews it too, though the paragraphs are loaded by now and the tap's
    # own focus shows its preview before the click arrives
    other = passage_link(page, "p44")
    other.tap()
    page.wait_for_timeout(300)
    assert "/landscape/" in page.url and other.get_attribute("aria-describedby") == "site-tip"
    assert tip(page).locator(".site-preview__label").first.inner_text() == "原文第44段"
    with page.expect_navigation():
        other.tap()
    assert page.url.endswith("/article/#p44")


def test_on_a_touch_screen_a_link_whose_preview_cannot_load_follows_on_the_second_tap(landscape_by_touch):
    page = landscape_by_touch(reading_fails=True)
    link = passage_link(page, "p37")
    link.tap()
    page.wait_for_timeout(300)
    assert "/landscape/" in page.url and page.locator(".md-tooltip2--active").count() == 0
    with page.expect_navigation():
        link.tap()
    assert page.url.endswith("/article/#p37")


def test_a_term_hovered_before_the_tap_does_not_undo_it(landscape_by_touch):
    """The mouse leaving a term starts the tooltip's hiding timer; it must not forget the tap that follows."""
    page = landscape_by_touch(phone=False, reading_fails=True)
    link = passage_link(page, "p37")
    page.locator("article a.term").first.hover()
    page.locator(".md-tooltip2--active").wait_for()
    link.tap()
    page.wait_for_timeout(500)  # longer than the hiding delay
    assert "/landscape/" in page.url
    with page.expect_navigation():
        link.tap()
    assert page.url.endswith("/article/#p37")


def test_after_a_tap_enter_on_a_focused_link_follows_it(landscape_by_touch):
    page = landscape_by_touch()
    passage_link(page, "p37").tap()
    tip(page).wait_for()
    with page.expect_navigation():
        page.locator('blockquote.passage a.passage-source[href$="#p44"]').press("Enter")
    assert page.url.endswith("/article/#p44")


def test_the_paragraphs_come_from_the_site_itself_once(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}/en/organization/")
    for block in ("p07", "p08"):
        page.locator(f'blockquote.passage a.passage-source[href$="#{block}"]').hover()
        tip(page).wait_for()
    assert [url for url in requested if url.endswith("reading.json")] == [f"{base_url}/en/reading.json"]
