/** The viewer the scheduled work acts as: the audit log names it `jobs:<what>`. */
import { systemViewer, type Viewer } from "@/lib/auth/viewer";

export const EVALUATION_ACTOR: Viewer = systemViewer("jobs:daily-evaluation");
export const DELIVERY_ACTOR: Viewer = systemViewer("jobs:webhooks");
export const EMAIL_ACTOR: Viewer = systemViewer("jobs:email");
