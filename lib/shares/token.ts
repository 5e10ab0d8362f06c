// Share-link tokens are the app's one kind of link secret (lib/random-token.ts), under their own names.
export {
  generateToken as generateShareToken,
  hashToken as hashShareToken,
  looksLikeToken as looksLikeShareToken,
} from '@/lib/random-token';
