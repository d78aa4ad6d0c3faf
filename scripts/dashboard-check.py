#!/usr/bin/env python3
"""Drives Debian's chromium (headless, DevTools protocol over --remote-debugging-pipe) against a running Ferry
dashboard (the live demo's, from scripts/dashboard-check.sh): the page shows every topic with its stage, an operator
logs in, selects topics, clicks Advance, sees the preview (a refused topic with its reason), confirms, and the stages
change; a screenshot is written.

Usage: dashboard-check.py URL TOKEN SCREENSHOT.png   (exit status 0 when every check passed)
"""
import base64, json, os, subprocess, sys, tempfile, time, urllib.request

URL, TOKEN, SHOT = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


class Browser:
    def __init__(self):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        self.profile = tempfile.mkdtemp(prefix="ferry-chromium-")
        binary = next(b for b in ("chromium", "chromium-browser", "google-chrome") if any(
            os.access(os.path.join(p, b), os.X_OK) for p in os.environ["PATH"].split(":")))
        # chromium reads commands on fd 3 and writes answers on fd 4.
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "--window-size=1400,900", "about:blank"],
            pass_fds=(3, 4), preexec_fn=lambda: (os.dup2(to_chrome_r, 3), os.dup2(from_chrome_w, 4)),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride", {"width": 1400, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})

    def eval(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, expression, what, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.eval(expression):
                return
            time.sleep(0.2)
        shown = self.eval("(document.getElementById('error') || {}).textContent || ''")
        raise RuntimeError(f"timed out waiting for {what}" + (f" (the page shows: {shown})" if shown else ""))

    def click(self, selector):
        """A real mouse click at the centre of the element."""
        box = self.eval(f"""(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;
            e.scrollIntoView({{block: "center"}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        if not box:
            raise RuntimeError(f"no element {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})

    def type(self, selector, text):
        self.click(selector)
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def api(path):
    with urllib.request.urlopen(URL + path, timeout=10) as response:
        return json.load(response)


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        raise SystemExit(1)


def first_task(timeout=180):
    """The first task any agent holds (the demo creates its task after the metadata migration)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        tasks = api("/api/tasks")["tasks"]
        if tasks:
            return tasks[0]["task"]
        time.sleep(1)
    raise RuntimeError("no agent holds a task")


task = first_task()
browser = Browser()
try:
    page = api("/api/task?name=" + task)
    check(page["total"] == len(page["topics"]), f"the task's {page['total']} topics fit one page of the table")
    expected = {(row["agentId"], row["topic"]): row["stage"] for row in page["topics"]}
    browser.open(URL + "/")
    browser.wait("document.body && document.body.dataset.loaded === 'true'", "the page to load")
    shown = browser.eval("""[...document.querySelectorAll('#topics tbody tr')].map(r =>
        [r.dataset.agent, r.dataset.topic, r.querySelector('.badge').textContent])""")
    check(len(shown) == len(expected), f"the page shows all {len(expected)} topics of task {task} (shown: {len(shown)})")
    check(all(expected.get((agent, topic)) == stage for agent, topic, stage in shown), "every topic shows its stage")
    check(browser.eval("document.querySelectorAll('#agents .agent').length") == len(api("/api/agents")["agents"]),
          "the agents strip shows every agent")
    check(browser.eval("document.getElementById('btn-advance').disabled"), "actions are disabled before logging in")

    browser.type("#login-token", TOKEN)
    browser.click("#login-form button")
    browser.wait("document.getElementById('who').textContent.includes('Logged in')", "the login")
    check(True, "logged in as " + browser.eval("document.getElementById('who').textContent"))

    agent = shown[0][0]
    picks = [topic for a, topic, stage in shown if a == agent and stage == "initial"][:4]
    for topic in picks:
        browser.click(f'#topics tbody tr[data-agent="{agent}"][data-topic="{topic}"] input')
    browser.click("#btn-advance")
    browser.wait("document.getElementById('confirm').open && document.querySelectorAll('#confirm-rows tr').length > 0",
                 "the preview dialog")
    rows = "[...document.querySelectorAll('#confirm-rows tr')].map(r => [r.cells[1].textContent, r.className, r.cells[3].textContent])"
    preview = browser.eval(rows)
    check(sorted(p[0] for p in preview) == sorted(picks), f"the preview lists the {len(picks)} selected topics")
    refused = [p for p in preview if p[1] == "refused"]
    check(all(p[2] for p in refused), f"the preview gives the reason of every refusal ({len(refused)} refused)")
    check(all(row["stage"] == "initial" for row in api("/api/task?name=" + task)["topics"]
              if row["agentId"] == agent and row["topic"] in picks), "the preview changed no stage")
    # The readiness checks run on the real step: until the clients have asked the proxy for a topic's route, the
    # agent refuses it, and the operator asks again.
    for attempt in range(30):
        if attempt:
            time.sleep(2)
            browser.click("#btn-advance")
            browser.wait("document.getElementById('confirm').open && !document.getElementById('confirm-go').hidden",
                         "the preview dialog")
        browser.eval("document.getElementById('confirm-reason').value = ''")
        browser.type("#confirm-reason", "headless check")
        browser.click("#confirm-go")
        browser.wait("document.getElementById('confirm-title').textContent.includes('result')", "the action's result")
        outcome = browser.eval(rows)
        browser.click("#confirm-cancel")
        moved = [p[0] for p in outcome if p[1] != "refused"]
        if moved:
            break
        print(f"     every topic refused for now ({outcome[0][2] if outcome else 'no answer'}); asking again")
    check(len(moved) > 0, f"the confirmed advance moved {len(moved)} of the {len(picks)} topics")
    refused = [p for p in outcome if p[1] == "refused"]
    selector = " && ".join(
        f"document.querySelector('#topics tbody tr[data-agent=\"{agent}\"][data-topic=\"{t}\"]').dataset.stage === 'dual-read'"
        for t in moved)
    browser.wait(selector, "the advanced topics to show dual-read", timeout=60)
    after = {row["topic"]: row["stage"] for row in api("/api/task?name=" + task)["topics"] if row["agentId"] == agent}
    check(all(after[t] == "dual-read" for t in moved), f"the clicked advance moved {len(moved)} topics to dual-read")
    check(all(after[p[0]] == "initial" for p in refused), "refused topics stayed at initial")
    browser.wait("document.getElementById('live').textContent === 'live'", "the live-update stream")
    check(True, "live updates connected (Server-Sent Events)")
    browser.eval("window.scrollTo(0, 0)")
    time.sleep(0.5)
    browser.screenshot(SHOT)
    check(os.path.getsize(SHOT) > 10_000, f"screenshot written to {SHOT}")
finally:
    browser.close()
