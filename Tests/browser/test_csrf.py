"""Cross-site request forgery protection, seen from a real browser."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from safer_browser import (
    describe_page,
    drain_network_log,
    last_document_status,
    signed_in_text,
    wait,
    wait_for_page_load,
)

SIGN_OUT_FORM = 'form.sign-out[action="/logout"]'


def test_form_without_csrf_token_is_refused_and_session_survives(driver, base_url, make_user, login):
    user = make_user("officer")
    login(driver, user.email, user.password)

    form = driver.find_element(By.CSS_SELECTOR, SIGN_OUT_FORM)
    tokens = form.find_elements(By.CSS_SELECTOR, 'input[type="hidden"][name="_csrf"]')
    assert len(tokens) == 1, "the sign-out form has no hidden _csrf input"
    assert tokens[0].get_attribute("value"), "the _csrf input is empty"

    # What a forged request looks like: the same form, without its token.
    driver.execute_script(
        "arguments[0].querySelectorAll('input[name=\"_csrf\"]').forEach(e => e.remove());", form
    )
    assert not form.find_elements(By.CSS_SELECTOR, 'input[name="_csrf"]')
    drain_network_log(driver)
    form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    wait_for_page_load(driver, old=form)

    assert last_document_status(driver) == 403, describe_page(driver)
    h1 = wait(driver).until(EC.presence_of_element_located((By.TAG_NAME, "h1")))
    assert h1.text.strip() == "Forbidden", describe_page(driver)
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "security token" in body.lower(), describe_page(driver)

    # The refused sign-out did not sign the user out.
    driver.get(base_url + "/")
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.signed-in")))
    assert signed_in_text(driver) == f"Signed in as {user.name}"


def test_sign_out_with_token_works(driver, base_url, make_user, login):
    user = make_user("councillor")
    login(driver, user.email, user.password)
    form = driver.find_element(By.CSS_SELECTOR, SIGN_OUT_FORM)
    form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
    wait_for_page_load(driver, old=form)
    assert signed_in_text(driver) is None, describe_page(driver)

    driver.get(base_url + "/")
    wait_for_page_load(driver)
    assert signed_in_text(driver) is None, "still signed in after signing out: " + describe_page(driver)
