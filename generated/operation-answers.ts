// generated from openapi/verigator.yaml by scripts/generate.mjs, do not edit
// Each operation's success status, its declared error statuses with the document's example message,
// the statuses that may carry Retry-After, and the wrong PINs a verification takes (x-wrong-pin-limit).
export const operationAnswers = {
  createService: {"success":201,"errors":{"401":"Authentication required","403":"Forbidden request","409":"Service already exists","422":"Invalid data","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503]},
  getService: {"success":200,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503]},
  deleteService: {"success":202,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","409":"Service has users","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503]},
  listUsers: {"success":200,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503]},
  createUser: {"success":201,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","409":"User already exists","422":"Invalid data","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503]},
  getUser: {"success":200,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503]},
  deleteUser: {"success":202,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503]},
  verifyPin: {"success":200,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","422":"Invalid data","500":"Internal server error","503":"Service unavailable"},"retryAfter":[503],"wrongPinLimit":5},
  startAuthentication: {"success":200,"errors":{"401":"Authentication required","403":"Forbidden request","404":"Not found","422":"Invalid data","429":"Too many requests","500":"Internal server error","503":"Service unavailable"},"retryAfter":[429,503]},
} as const;
