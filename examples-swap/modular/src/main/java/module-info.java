/**
 * The module-path example: requires the API alone. The strategy modules beside it on the module
 * path are resolved by service binding ({@code uses} in {@code dev.allot.api}, {@code provides} in
 * each strategy), with no {@code --add-modules}.
 */
module dev.allot.swap.modular {
  requires dev.allot.api;
  requires static org.jspecify;
}
