import noEnvAllowedOrigins from './no-env-allowed-origins';
import noReflectedOrigin from './no-reflected-origin';
import noWildcardOrigin from './no-wildcard-origin';
import requireLoopbackHost from './require-loopback-host';

export const rules = {
  'no-env-allowed-origins': noEnvAllowedOrigins,
  'no-reflected-origin': noReflectedOrigin,
  'no-wildcard-origin': noWildcardOrigin,
  'require-loopback-host': requireLoopbackHost,
};
