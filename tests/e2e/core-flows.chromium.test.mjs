// The core flows (engines/core-flows.mjs) in chromium.
import { coreFlows } from "./engines/core-flows.mjs";

coreFlows("chromium");
