output "findings" {
  description = "Every finding not excluded, by id: `id`, `title`, `severity` (`high`, `medium` or `low`), `status` (`pass`, `fail` or `unknown`), `affected` (what to act on, sorted; empty unless the finding fails), `detail` (one line: what is wrong, or why the finding could not be evaluated, and what `accepted` left out) and `fix` (what to do, in the Admin Panel's words)."
  value       = local.results

  precondition {
    condition     = length(local.unknown_ids) == 0
    error_message = "exclude and accepted name findings that do not exist: ${join(", ", local.unknown_ids)}. The findings are ${join(", ", sort(keys(local.rules)))}."
  }
}

output "failed" {
  description = "The ids of the findings that fail, high severity first, then medium, then low (each alphabetically)."
  value       = local.with_status.fail
}

output "unknown" {
  description = "The ids of the findings that could not be evaluated (the key may not read what they need, the account's edition lacks the feature, or Duo's answer lacks the field they read), high severity first. Their `detail` says why."
  value       = local.with_status.unknown
}

output "summary" {
  description = "How many findings have each status (`fail`, `unknown`, `pass`), by severity and in all: `summary.fail.high` is the number of high severity findings that fail."
  value = { for status, ids in local.with_status : status => merge(
    { for severity in local.severities : severity => length([for id in ids : id if local.results[id].severity == severity]) },
    { total = length(ids) },
  ) }
}

output "report" {
  description = "The findings as Markdown, for a CI job's summary or a pull request comment: the counts, then a table of the findings that fail and those that could not be evaluated, high severity first, with what they affect and how to fix them."
  value       = local.report
}

locals {
  # Markdown table cells: a | would end the cell.
  cell = { for id, r in local.results : id => {
    title    = replace(r.title, "|", "\\|")
    affected = replace(r.status == "fail" ? local.shown[id] : r.detail, "|", "\\|")
    fix      = replace(r.status == "fail" ? r.fix : "", "|", "\\|")
  } }
  report = join("\n", concat(
    [
      "## Duo security checkup${try(" of ${local.settings.name}", "")}",
      "",
      format("**%d failed** (%s), %d not evaluated, %d passed.",
        length(local.with_status.fail), join(", ", [for severity in local.severities : "${length([for id in local.with_status.fail : id if local.results[id].severity == severity])} ${severity}"]),
      length(local.with_status.unknown), length(local.with_status.pass)),
    ],
    length(local.with_status.fail) + length(local.with_status.unknown) == 0 ? [] : concat(
      [
        "",
        "| status | severity | finding | affected | fix |",
        "| --- | --- | --- | --- | --- |",
      ],
      [for id in concat(local.with_status.fail, local.with_status.unknown) : format("| %s | %s | %s (`%s`) | %s | %s |",
      local.results[id].status, local.results[id].severity, local.cell[id].title, id, local.cell[id].affected, local.cell[id].fix)],
    ),
  ))
}
