/*
 * The certificates family's public surface: what other families and the
 * wiring may import. Everything else under src/certificates/ is the family's own.
 */
export { certificatesFamily } from './certificates.family';
export { CERTIFICATE_AUTHORITY_TOPIC, CERTIFICATE_TOPIC } from './certificates.model';
export {
  SIGNATURE_HEADER,
  SIGNER_HEADER,
  SignatureRefusal,
  requireSignature,
  verifyPushSignature,
  type PushSignature,
} from './signed-push';
