# Every device on which Duo Desktop is registered as an authenticator.
data "duo_desktop_authenticators" "all" {}

# Who runs which version of Duo Desktop.
output "duo_desktop_versions" {
  value = {
    for version in distinct(data.duo_desktop_authenticators.all.desktop_authenticators[*].duo_desktop_version) :
    version => [for a in data.duo_desktop_authenticators.all.desktop_authenticators : a.user.username if a.duo_desktop_version == version]
  }
}
