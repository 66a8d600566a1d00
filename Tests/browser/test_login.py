"""Signing in through the real login page."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from safer_browser import (
    describe_page,
    drain_network_log,
    last_document_status,
    path_of,
    signed_in_text,
    submit_login_form,
    wait,
    wait_for_page_load,
)


def test_admin_signs_in_and_sees_name(driver, base_url, admin, login):
    login(driver, admin.email, admin.password)
    assert path_of(driver) == "/", describe_page(driver)
    text = signed_in_text(driver)
    assert text is not None and text.startswith("Signed in as"), describe_page(driver)
    if admin.name:
        assert text == f"Signed in as {admin.name}", describe_page(driver)
    # Where there is a sign-in there must be a way out.
    form = driver.find_element(By.CSS_SELECTOR, 'form.sign-out[action="/logout"]')
    assert form.get_attribute("method").lower() == "post"
    assert form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').text.strip() == "Sign out"


def test_wrong_password_shows_error_and_stays_on_login(driver, base_url, make_user):
    # A fresh account: failed logins slow that account down, not the others.
    user = make_user("officer")
    drain_network_log(driver)
    submit_login_form(driver, base_url, user.email, user.password + "-wrong")
    summary = wait(driver).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, 'div.error-summary[role="alert"]'))
    )
    assert "E-mail or password is not right" in summary.text, describe_page(driver)
    assert path_of(driver) == "/login", describe_page(driver)
    assert last_document_status(driver) == 401, describe_page(driver)
    # Still the login form, and not signed in.
    assert driver.find_elements(By.CSS_SELECTOR, 'form[action="/login"] #password')
    assert signed_in_text(driver) is None


def test_login_page_works_with_keyboard_only(driver, base_url, make_user):
    user = make_user("field")
    driver.get(base_url + "/login")
    form = wait(driver).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, 'form[action="/login"]'))
    )
    actions = ActionChains(driver)

    def focused_id():
        return driver.execute_script("return document.activeElement && document.activeElement.id")

    # Reach the e-mail field the way a keyboard user does: Tab from the top
    # (or it already has focus through autofocus).
    for _ in range(30):
        if focused_id() == "email":
            break
        actions.send_keys(Keys.TAB).perform()
    assert focused_id() == "email", "the e-mail field cannot be reached with Tab"

    actions.send_keys(user.email).perform()
    actions.send_keys(Keys.TAB).perform()
    assert focused_id() == "password", "Tab from the e-mail field does not go to the password field"
    actions.send_keys(user.password).perform()
    actions.send_keys(Keys.ENTER).perform()

    wait_for_page_load(driver, old=form)
    wait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.signed-in")))
    assert path_of(driver) == "/", describe_page(driver)
    assert signed_in_text(driver) == f"Signed in as {user.name}"
