"""The term matcher, rule by rule, in Chinese and English text."""
import pytest

from explainer.sources.terms import TermMatcher

FORMS = [("DiT", "dit"), ("Diffusion Transformer", "dit"), ("Sora", "sora"), ("3D Attention", "3d-attention"),
         ("Attention", "attention"), ("可灵", "kling"), ("可灵AI", "kling"), ("可灵AI事业部", "kling-ai-business-unit"),
         ("Kling", "kling"), ("Kling AI", "kling"), ("Kling AI Business Unit", "kling-ai-business-unit"),
         ("To B", "to-b"), ("事业部", "business-unit"), ("business unit", "business-unit"), ("大模型", "large-model"),
         ("扩大模型", None), ("360", "qihoo-360")]


def found(text, forms=FORMS):
    return [(m.form, m.term_id) for m in TermMatcher(forms).find(text)]


def test_latin_terms_inside_chinese_text_without_spaces():
    assert found("基于类Sora的DiT架构,并引入3D Attention机制") == [
        ("Sora", "sora"), ("DiT", "dit"), ("3D Attention", "3d-attention")]


def test_the_longest_form_wins_in_chinese():
    assert found("快手正式成立“可灵AI事业部”,可灵AI与可灵") == [
        ("可灵AI事业部", "kling-ai-business-unit"), ("可灵AI", "kling"), ("可灵", "kling")]


def test_the_longest_form_wins_in_english():
    assert found("the Kling AI Business Unit runs Kling AI; 3D Attention is not Attention alone") == [
        ("Kling AI Business Unit", "kling-ai-business-unit"), ("Kling AI", "kling"),
        ("3D Attention", "3d-attention"), ("Attention", "attention")]


@pytest.mark.parametrize("text", ["To Be or not", "Into Boston", "ToB", "To Bs", "AIDiT", "DiTs", "Soran", "3600"])
def test_latin_forms_match_only_whole_latin_words(text):
    assert found(text) == []


@pytest.mark.parametrize("text, form", [("To B业务", "To B"), ("(To B定制化)", "To B"), ("押To B上", "To B"),
                                        ("除了百度和360,", "360")])
def test_latin_forms_next_to_han_characters_or_punctuation(text, form):
    assert [f for f, _ in found(text)] == [form]


def test_lowercase_forms_match_any_case_capitalised_forms_only_exactly():
    assert found("Business unit and BUSINESS UNIT") == [("Business unit", "business-unit"),
                                                        ("BUSINESS UNIT", "business-unit")]
    assert found("to b and dit") == []


def test_an_ignored_word_hides_the_form_inside_it():
    assert found("更便于扩大模型规模,而大模型业务") == [("大模型", "large-model")]


def test_chinese_forms_need_no_boundaries():
    assert found("新设事业部下辖") == [("事业部", "business-unit")]
