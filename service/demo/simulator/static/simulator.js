/* The simulator page's one script. Its live area is swapped by two kinds of request, the
   two-second poll (GET) and the buttons (POST), and they must not trample each other:
   - A button always goes, and a poll never lands over a button's answer: a poll that was on
     its way when a button was pressed is dropped when it comes back, and no poll starts
     while a button's request is out. (htmx's hx-sync "replace" did this by aborting the
     poll, which htmx logs as a console error each time.)
   - A button's answer lands on the live area as it is now, even when another answer has
     replaced the one it was sent from: a swap into a detached element is lost, and takes
     the half-typed texts with it. */
(function () {
  "use strict";
  let pressed = 0;
  let out = 0;
  const isPoll = (detail) => detail.requestConfig && detail.requestConfig.verb === "get";

  document.addEventListener("htmx:beforeRequest", (event) => {
    if (!isPoll(event.detail)) {
      pressed += 1;
      out += 1;
    } else if (out > 0) {
      event.preventDefault();
    } else {
      event.detail.xhr.pressedBefore = pressed;
    }
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    if (!isPoll(event.detail)) out = Math.max(0, out - 1);
  });
  document.addEventListener("htmx:beforeSwap", (event) => {
    const detail = event.detail;
    if (isPoll(detail) && detail.xhr.pressedBefore !== pressed) {
      detail.shouldSwap = false;
    } else if (!detail.target.isConnected) {
      detail.target = document.getElementById("live");
    }
  });
})();
