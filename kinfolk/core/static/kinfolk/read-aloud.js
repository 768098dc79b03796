// Easy-read pages: "Read this page aloud" with the browser's own speech. The button stays
// hidden when the browser has no speech, so nobody is offered what does not work.
const buttons = document.querySelectorAll("[data-read-aloud]");
if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
  for (const button of buttons) {
    const label = button.lastChild.textContent;
    button.hidden = false;
    button.addEventListener("click", () => {
      if (window.speechSynthesis.speaking) {
        window.speechSynthesis.cancel();
        button.lastChild.textContent = label;
        return;
      }
      const words = document.getElementById(button.dataset.readAloud);
      const spoken = new SpeechSynthesisUtterance(words.innerText);
      spoken.lang = "en-GB";
      spoken.addEventListener("end", () => { button.lastChild.textContent = label; });
      button.lastChild.textContent = " Stop reading";
      window.speechSynthesis.speak(spoken);
    });
  }
}
