/* Gongxue study notes: a small rich-text editor and a live character count.
   Without JavaScript the plain textarea still works (blank lines make paragraphs).
   The count follows learning/character_count.py: each Chinese character is one, each run of
   other letters or digits is one word, markup, spaces and punctuation count zero. */
(function () {
  "use strict";

  var HAN = /[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2A6DF}\u{2A700}-\u{2EBEF}\u{2F800}-\u{2FA1F}\u{30000}-\u{323AF}]/gu;
  var WORD = /[\p{L}\p{N}]+/gu;
  var BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|pre|hr|tr|td|th|table)\b[^>]*>/gi;

  function countText(text) {
    text = (text || "").normalize("NFC");
    var han = (text.match(HAN) || []).length;
    var words = (text.replace(HAN, " ").match(WORD) || []).length;
    return han + words;
  }

  function textOfHtml(html) {
    var doc = new DOMParser().parseFromString("<body>" + (html || "").replace(BLOCK, " ") + "</body>", "text/html");
    return doc.body.textContent || "";
  }

  function plainToHtml(text) {
    return text.split(/\n\s*\n/).filter(function (p) { return p.trim(); }).map(function (p) {
      var div = document.createElement("div");
      div.textContent = p.trim();
      return "<p>" + div.innerHTML.replace(/\n/g, "<br>") + "</p>";
    }).join("");
  }

  var BUTTONS = [
    ["bold", "B", "加粗 Bold"],
    ["italic", "I", "斜体 Italic"],
    ["h2", "H2", "标题 Heading"],
    ["insertUnorderedList", "•", "列表 List"],
    ["insertOrderedList", "1.", "编号 Numbered list"],
    ["blockquote", "❝", "引用 Quote"]
  ];

  function enhance(textarea) {
    var form = textarea.form;
    var counter = form.querySelector(".live-count");
    var label = form.querySelector("label[for='" + textarea.id + "']");
    var toolbar = document.createElement("div");
    toolbar.className = "editor-toolbar";
    toolbar.setAttribute("role", "toolbar");
    var editor = document.createElement("div");
    editor.className = "editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    if (label) { editor.setAttribute("aria-label", label.textContent.trim()); }
    var value = textarea.value.trim();
    editor.innerHTML = /<[a-z][^>]*>/i.test(value) ? value : plainToHtml(value);

    BUTTONS.forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec[1];
      button.title = spec[2];
      button.setAttribute("aria-label", spec[2]);
      button.addEventListener("click", function () {
        editor.focus();
        if (spec[0] === "h2" || spec[0] === "blockquote") {
          document.execCommand("formatBlock", false, spec[0]);
        } else {
          document.execCommand(spec[0], false, null);
        }
        sync();
      });
      toolbar.appendChild(button);
    });

    function sync() {
      textarea.value = editor.innerHTML;
      if (counter) {
        counter.textContent = counter.getAttribute("data-count-label") + " " + countText(editor.innerText).toLocaleString();
      }
    }

    editor.addEventListener("input", sync);
    form.addEventListener("submit", sync);
    textarea.hidden = true;
    textarea.parentNode.insertBefore(toolbar, textarea);
    textarea.parentNode.insertBefore(editor, textarea);
    if (label) {
      label.addEventListener("click", function (event) { event.preventDefault(); editor.focus(); });
    }
    sync();
  }

  function plainCounter(textarea) {
    var counter = textarea.form && textarea.form.querySelector(".live-count");
    if (!counter) { return; }
    function update() {
      counter.textContent = counter.getAttribute("data-count-label") + " " + countText(textOfHtml(textarea.value)).toLocaleString();
    }
    textarea.addEventListener("input", update);
    update();
  }

  document.querySelectorAll("textarea[data-note-editor]").forEach(function (textarea) {
    if (typeof document.execCommand === "function") {
      enhance(textarea);
    } else {
      plainCounter(textarea);
    }
  });
}());
