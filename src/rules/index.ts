import noWildcardOrigin from './no-wildcard-origin';

export const rules = {
  'no-wildcard-origin': noWildcardOrigin,
};
