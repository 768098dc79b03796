// Progressive enhancement: mark the page as able to run the NHS.UK frontend, then start it.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initAll();
