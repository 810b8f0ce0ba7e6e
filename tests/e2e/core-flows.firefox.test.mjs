// The core flows (engines/core-flows.mjs) in firefox.
import { coreFlows } from "./engines/core-flows.mjs";

coreFlows("firefox");
