// The core flows (engines/core-flows.mjs) in webkit.
import { coreFlows } from "./engines/core-flows.mjs";

coreFlows("webkit");
