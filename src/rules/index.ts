import noEnvAllowedOrigins from './no-env-allowed-origins';
import noNullOrigin from './no-null-origin';
import noReflectedOrigin from './no-reflected-origin';
import noUnsafeOriginMatch from './no-unsafe-origin-match';
import noWildcardOrigin from './no-wildcard-origin';
import requireCsrfToken from './require-csrf-token';
import requireDnsRebindingProtection from './require-dns-rebinding-protection';
import requireLoopbackHost from './require-loopback-host';

export const rules = {
  'no-env-allowed-origins': noEnvAllowedOrigins,
  'no-null-origin': noNullOrigin,
  'no-reflected-origin': noReflectedOrigin,
  'no-unsafe-origin-match': noUnsafeOriginMatch,
  'no-wildcard-origin': noWildcardOrigin,
  'require-csrf-token': requireCsrfToken,
  'require-dns-rebinding-protection': requireDnsRebindingProtection,
  'require-loopback-host': requireLoopbackHost,
};
