/**
 * The English interface texts, one JSON file per namespace (ICU message syntax). English is the reference: the type
 * of these messages is the type every other language must have (messages/fr/index.ts).
 */
import common from "./common.json";
import home from "./home.json";
import organisation from "./organisation.json";
import scorecard from "./scorecard.json";
import asOf from "./asOf.json";
import evidence from "./evidence.json";
import commitment from "./commitment.json";
import milestone from "./milestone.json";
import sourcePage from "./sourcePage.json";
import charts from "./charts.json";
import changes from "./changes.json";
import find from "./find.json";
import workspace from "./workspace.json";
import editor from "./editor.json";
import importExport from "./importExport.json";
import auth from "./auth.json";
import account from "./account.json";
import members from "./members.json";
import review from "./review.json";
import briefing from "./briefing.json";
import notifications from "./notifications.json";

export const en = {
  common,
  home,
  organisation,
  scorecard,
  asOf,
  evidence,
  commitment,
  milestone,
  sourcePage,
  charts,
  changes,
  find,
  workspace,
  editor,
  importExport,
  auth,
  account,
  members,
  review,
  briefing,
  notifications,
};

export type Messages = typeof en;
