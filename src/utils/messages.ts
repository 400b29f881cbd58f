/** The clause a finding gets when credentials are allowed beside the permissive origin. */
export function credentialsClause(credentials: boolean): string {
  return credentials ? ', credentials included' : '';
}
