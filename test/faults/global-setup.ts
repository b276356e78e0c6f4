import { assertProductionBuild } from "../harness";

/** The fault tests start production nodes of their own: they need the build, nothing shared. */
export default function setup() {
  assertProductionBuild();
}
