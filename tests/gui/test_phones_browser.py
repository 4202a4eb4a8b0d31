"""The phone's page in a real browser: Debian's headless Chromium at a phone's size (390×844).

Selenium drives the system's Chromium through its chromedriver (nothing is
downloaded). The browser joins, proposes a goal during the Goals step and
votes when the facilitator opens a ballot, by tapping the page as a person
would; the file then holds what the page said. With CXWORKSHOP_PHONE_SHOTS
set to a folder, the test saves the join, ballot and thank-you screens there
(docs/screenshots.py does this for the README).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from cxworkshop.domain.model import ProposalStatus, Step, VotingMode
from cxworkshop.gui.phones_bridge import PhonesBridge
from cxworkshop.gui.session import Session
from tests.gui.test_voting_flow import goal_id, person_id, team  # noqa: F401
from tests.helpers.gui import reopened
from tests.helpers.phones import off_thread

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SIZE = (390, 844)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def missing() -> str | None:
    """Why the browser test cannot run here, or None."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (Debian and Ubuntu: apt-get install {package})"
    return None


@pytest.fixture
def browser(tmp_path: Path):  # type: ignore[no-untyped-def]
    why_not = missing()
    if why_not is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test, but {why_not}")
        pytest.skip(why_not)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={SIZE[0]},{SIZE[1]}")
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    # The page's own viewport, whatever the window's frame takes.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": SIZE[0], "height": SIZE[1], "deviceScaleFactor": 2, "mobile": True},
    )
    yield driver
    driver.quit()


@pytest.fixture
def phones(qtbot, team: Session):  # type: ignore[no-untyped-def]  # noqa: F811
    bridge = PhonesBridge(team)
    bridge.start()
    yield bridge
    bridge.stop()


def shots() -> Path | None:
    folder = os.environ.get("CXWORKSHOP_PHONE_SHOTS")
    return Path(folder) if folder else None


def shoot(qtbot, driver: Any, name: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Save the phone's screen as ``phone-<name>.png`` and check it is a phone's width."""
    path = tmp_path / f"phone-{name}.png"
    off_thread(qtbot, lambda: driver.save_screenshot(str(path)))
    image = QImage(str(path))
    assert image.width() == SIZE[0] * 2, image.width()
    folder = shots()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / path.name)


def until(qtbot, driver: Any, selector: str, text: str | None, then: Any) -> Any:  # type: ignore[no-untyped-def]
    """``then(element)`` on the element at ``selector`` once the page shows it (with ``text``).

    The page redraws itself when the room changes, so an element found a moment
    ago may be gone: the look-up and ``then`` are tried again together until both work.
    """
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def attempt(d: Any) -> Any:
        try:
            for element in d.find_elements(By.CSS_SELECTOR, selector):
                if element.is_displayed() and (text is None or text in element.text):
                    return [then(element)]
        except StaleElementReferenceException:
            pass
        return False

    return off_thread(qtbot, lambda: WebDriverWait(driver, 15, 0.1).until(attempt))[0]


def wait_for(qtbot, driver: Any, selector: str, text: str | None = None) -> str:  # type: ignore[no-untyped-def]
    """The text of the element at ``selector`` once the page shows it (with ``text``)."""
    return until(qtbot, driver, selector, text, lambda e: e.text)  # type: ignore[no-any-return]


def tap(qtbot, driver: Any, selector: str, text: str | None = None) -> None:  # type: ignore[no-untyped-def]
    def press(element: Any) -> None:
        size = element.size
        # Large enough for a finger: at least 48 CSS pixels each way.
        assert size["height"] >= 48 and size["width"] >= 48, (selector, text, size)
        element.click()

    until(qtbot, driver, selector, text, press)


def type_into(qtbot, driver: Any, selector: str, words: str) -> None:  # type: ignore[no-untyped-def]
    until(qtbot, driver, selector, None, lambda e: e.send_keys(words))


def enabled(qtbot, driver: Any, selector: str) -> bool:  # type: ignore[no-untyped-def]
    return until(qtbot, driver, selector, None, lambda e: e.is_enabled())  # type: ignore[no-any-return]


def test_a_phone_joins_proposes_and_votes_in_chromium(
    qtbot,
    browser,
    phones: PhonesBridge,
    team: Session,  # noqa: F811
    tmp_path: Path,
):
    from selenium.webdriver.common.by import By

    store, wid = team.store, team.workshop_id
    url = f"http://127.0.0.1:{phones.server.port}/{phones.server.key}/"
    off_thread(qtbot, lambda: browser.get(url))

    # Join: the workshop's names, large enough to tap; a name, then "Yes".
    wait_for(qtbot, browser, "h1", "Pick your name")
    shoot(qtbot, browser, "join", tmp_path)
    tap(qtbot, browser, ".names button", "Ana Silva")
    tap(qtbot, browser, "#confirm-join")
    wait_for(qtbot, browser, ".step", "Set up")
    assert wait_for(qtbot, browser, "#who") == "Ana Silva"
    assert phones.server.joins.taken() == {person_id(team, "Ana Silva")}
    cookies = off_thread(qtbot, browser.get_cookies)
    assert [(c["name"], c["httpOnly"], c["sameSite"]) for c in cookies] == [
        ("cxphone", True, "Strict")
    ]

    # Propose: the page switches by itself when the room reaches the Goals step.
    store.update_details(wid, current_step=Step.GOALS)
    team.announce()
    wait_for(qtbot, browser, "h1", "Propose a goal")
    tap(qtbot, browser, ".pillars button", "Keep")
    type_into(qtbot, browser, "#goal-title", "Call back within the hour")
    type_into(qtbot, browser, "#goal-metric", "Callback time")
    tap(qtbot, browser, "#send-goal")
    wait_for(qtbot, browser, "h1", "Thank you")
    [sent] = reopened(team).proposals
    assert (sent.pillar.value, sent.title, sent.metric, sent.status) == (
        "keep",
        "Call back within the hour",
        "Callback time",
        ProposalStatus.NEW,
    )

    # Vote: the facilitator opens a secret ballot; the dots left stay in view.
    store.update_details(wid, current_step=Step.PRIORITIES)
    r = store.open_round(
        wid,
        goal_ids=[g.id for g in team.workshop.goals],
        dots_per_voter=3,
        max_per_goal=2,
        voter_ids=[p.id for p in team.workshop.participants],
        mode=VotingMode.SECRET,
    )
    team.announce()
    wait_for(qtbot, browser, "h1", "Place your dots")
    assert wait_for(qtbot, browser, "#left") == "3 dots left of 3"
    churn, csat = "Lower monthly churn", "Raise CSAT after support calls"
    tap(qtbot, browser, f"button[aria-label='One dot more on {churn}']")
    tap(qtbot, browser, f"button[aria-label='One dot more on {churn}']")
    assert not enabled(qtbot, browser, f"button[aria-label='One dot more on {churn}']")
    tap(qtbot, browser, f"button[aria-label='One dot more on {csat}']")
    assert wait_for(qtbot, browser, "#left") == "0 dots left of 3"
    shoot(qtbot, browser, "ballot", tmp_path)
    # The narrowest phones (360 CSS pixels): nothing runs off the side.
    off_thread(
        qtbot,
        lambda: browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True},
        ),
    )
    wide = off_thread(
        qtbot, lambda: browser.execute_script("return document.documentElement.scrollWidth")
    )
    assert wide <= 360
    off_thread(
        qtbot,
        lambda: browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": SIZE[0], "height": SIZE[1], "deviceScaleFactor": 2, "mobile": True},
        ),
    )
    tap(qtbot, browser, "#confirm-vote")
    wait_for(qtbot, browser, "h1", "Thank you, your vote is in")
    shoot(qtbot, browser, "thanks", tmp_path)
    saved = reopened(team).rounds[0].ballots
    assert saved == {
        person_id(team, "Ana Silva"): {goal_id(team, churn): 2, goal_id(team, csat): 1}
    }

    # Changing the vote starts from the ballot as confirmed.
    tap(qtbot, browser, "#change-vote")
    tap(qtbot, browser, f"button[aria-label='One dot less on {churn}']")
    tap(qtbot, browser, "#confirm-vote")
    wait_for(qtbot, browser, "h1", "Thank you, your vote is in")
    saved = reopened(team).rounds[0].ballots
    assert saved == {
        person_id(team, "Ana Silva"): {goal_id(team, churn): 1, goal_id(team, csat): 1}
    }

    # Closing the round sends the phone back to the screen.
    store.close_round(wid, r.id)
    team.announce()
    wait_for(qtbot, browser, ".step", "Priorities")
    # Everything the page loaded came from the laptop, and it is small.
    loaded = off_thread(
        qtbot,
        lambda: browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".concat([location.href])"
        ),
    )
    assert [name for name in loaded if not name.startswith(url)] == []
    size = off_thread(
        qtbot,
        lambda: browser.execute_script(
            "return performance.getEntriesByType('navigation')[0].encodedBodySize + "
            "performance.getEntriesByType('resource').filter(e => !e.name.includes('/api/'))"
            ".reduce((a, e) => a + e.encodedBodySize, 0)"
        ),
    )
    assert 0 < size < 100_000
    assert not off_thread(
        qtbot, lambda: browser.find_elements(By.CSS_SELECTOR, "script:not([src])")
    )
