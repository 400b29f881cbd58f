import noEnvAllowedOrigins from './no-env-allowed-origins';
import noReflectedOrigin from './no-reflected-origin';
import noWildcardOrigin from './no-wildcard-origin';
import requireCsrfToken from './require-csrf-token';
import requireDnsRebindingProtection from './require-dns-rebinding-protection';
import requireLoopbackHost from './require-loopback-host';

export const rules = {
  'no-env-allowed-origins': noEnvAllowedOrigins,
  'no-reflected-origin': noReflectedOrigin,
  'no-wildcard-origin': noWildcardOrigin,
  'require-csrf-token': requireCsrfToken,
  'require-dns-rebinding-protection': requireDnsRebindingProtection,
  'require-loopback-host': requireLoopbackHost,
};
