package io.rapport.server.install;

/** An install at the one moment its token is known: the response that registers it. */
public record IssuedInstall(AppInstall install, String token, InstallLink link) {
}
