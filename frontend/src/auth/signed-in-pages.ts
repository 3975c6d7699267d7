// The pages behind RequireAuth (see app.tsx): before the user is known each renders the same shell.
const SIGNED_IN = /^\/(dashboard|portfolio|rebalance|reports|settings|import|reports\/[^/]+)\/?$/;

/** Whether `pathname` is a page only a signed-in user sees (the pre-rendered shell stands for all of them). */
export function isSignedInPage(pathname: string): boolean {
  return SIGNED_IN.test(pathname);
}
