// CMS accounts and the export folder, in the settings overlay. The password or API key goes
// from its field straight to `save_target` (the OS keyring) and the field is emptied; it is
// never kept in the page, localStorage or a log.
import type { PublishTarget } from "../lib/backend";
import { type I18n, type MessageKey, translated } from "../lib/i18n";
import { el, field } from "./dom";

/** Where the export folder is remembered (a path, not a secret). */
export const EXPORT_FOLDER_KEY = "redaksi.exportFolder";

export function exportFolder(storage: Storage): string | null {
  return storage.getItem(EXPORT_FOLDER_KEY)?.trim() || null;
}

export type AccountDraft = PublishTarget & { secret: string };

/** The backend's account calls (the secret goes to the OS keyring). */
export interface AccountsApi {
  listTargets(): Promise<PublishTarget[]>;
  saveTarget(target: PublishTarget, secret: string): Promise<PublishTarget>;
  removeTarget(name: string): Promise<void>;
}

/** The message key for what is missing, or undefined when the account can be saved. */
export function missing(draft: AccountDraft): MessageKey | undefined {
  const needsUser = draft.kind === "wordpress" && !draft.username?.trim();
  if (!draft.name.trim() || !draft.url.trim() || needsUser || !draft.secret) return "accountMissing";
  return undefined;
}

export class AccountsSection {
  readonly root = el("section", { class: "accounts", "data-testid": "accounts" });
  private readonly heading = el("h3", translated("accounts"));
  private readonly list = el("ul", { class: "account-list", "data-testid": "account-list" });
  private readonly empty = el("p", { class: "muted", ...translated("accountsEmpty") });
  private readonly name = el("input", { type: "text", "data-testid": "account-name", autocomplete: "off" });
  private readonly kind = el(
    "select",
    { "data-testid": "account-kind" },
    el("option", { value: "wordpress", ...translated("accountKind_wordpress") }),
    el("option", { value: "ghost", ...translated("accountKind_ghost") }),
  );
  private readonly url = el("input", { type: "url", "data-testid": "account-url", placeholder: "https://", autocomplete: "off" });
  private readonly user = el("input", { type: "text", "data-testid": "account-user", autocomplete: "off" });
  private readonly userField: HTMLElement;
  // Never autocompleted or spell-checked: browsers and spell checkers may keep what they see.
  private readonly secret = el("input", {
    type: "password",
    "data-testid": "account-secret",
    autocomplete: "new-password",
    spellcheck: "false",
  });
  private readonly secretLabel = el("label");
  private readonly secretHint = el("p", { class: "muted small" });
  private readonly save = el("button", { type: "button", class: "primary", "data-testid": "account-save", ...translated("accountSave") });
  private readonly clear = el("button", { type: "button", "data-testid": "account-add", ...translated("accountAdd") });
  private readonly message = el("p", { role: "status", "data-testid": "account-message" });
  private readonly folder = el("input", { type: "text", "data-testid": "export-folder", autocomplete: "off" });
  private readonly folderHint = el("p", { class: "muted small", ...translated("exportFolderHint") });
  private targets: PublishTarget[] = [];
  /** The account being edited (its name may not change: it is the keyring's key). */
  private editing: string | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly api: AccountsApi,
    private readonly storage: Storage,
  ) {
    const row = (key: MessageKey, control: HTMLElement, ...extra: Node[]) => field(el("label", translated(key)), control, ...extra);
    this.userField = row("accountUser", this.user);
    const form = el(
      "div",
      { class: "account-form" },
      row("accountName", this.name),
      row("accountKind", this.kind),
      row("accountUrl", this.url),
      this.userField,
      field(this.secretLabel, this.secret, this.secretHint),
      el("div", { class: "dialog-actions" }, this.clear, this.save),
      this.message,
    );
    this.root.append(this.heading, this.list, this.empty, form, row("exportFolder", this.folder, this.folderHint));
    this.kind.addEventListener("change", () => this.kindChanged());
    this.save.addEventListener("click", () => void this.submit());
    this.clear.addEventListener("click", () => this.edit(undefined));
    this.folder.value = this.storage.getItem(EXPORT_FOLDER_KEY) ?? "";
    this.folder.addEventListener("change", () => {
      const value = this.folder.value.trim();
      if (value) this.storage.setItem(EXPORT_FOLDER_KEY, value);
      else this.storage.removeItem(EXPORT_FOLDER_KEY);
    });
    this.kindChanged();
    i18n.onChange(() => {
      this.kindChanged();
      this.render();
    });
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.targets = await this.api.listTargets();
    } catch (error) {
      this.fail(error);
    }
    this.render();
  }

  private render(): void {
    const t = this.i18n;
    this.empty.hidden = this.targets.length > 0;
    this.list.replaceChildren(
      ...this.targets.map((target) => {
        const edit = el("button", { type: "button", "data-testid": "account-edit" }, t.t("accountEdit"));
        const remove = el("button", { type: "button", class: "danger", "data-testid": "account-remove" }, t.t("accountRemove"));
        edit.addEventListener("click", () => this.edit(target));
        remove.addEventListener("click", () => void this.remove(target));
        const who = target.username ? `${target.username} @ ${target.url}` : target.url;
        return el(
          "li",
          { class: "account-item", "data-testid": "account-item", "data-name": target.name },
          el("strong", {}, target.name),
          el("span", { class: "muted" }, ` ${t.t(`accountKind_${target.kind}` as MessageKey)} · ${who} `),
          edit,
          remove,
        );
      }),
    );
  }

  private edit(target: PublishTarget | undefined): void {
    this.editing = target?.name;
    this.name.value = target?.name ?? "";
    this.name.readOnly = !!target;
    this.kind.value = target?.kind ?? "wordpress";
    this.url.value = target?.url ?? "";
    this.user.value = target?.username ?? "";
    this.secret.value = "";
    this.message.textContent = "";
    this.kindChanged();
    (target ? this.url : this.name).focus();
  }

  private kindChanged(): void {
    const kind = this.kind.value === "ghost" ? "ghost" : "wordpress";
    this.userField.hidden = kind === "ghost";
    this.secretLabel.textContent = this.i18n.t(`accountSecret_${kind}`);
    this.secretHint.textContent = this.i18n.t(this.editing ? "accountSecretKeep" : "accountSecretHint");
  }

  private async submit(): Promise<void> {
    const kind = this.kind.value === "ghost" ? "ghost" : "wordpress";
    const draft: AccountDraft = {
      name: this.name.value.trim(),
      kind,
      url: this.url.value.trim(),
      username: kind === "wordpress" ? this.user.value.trim() : null,
      secret: this.secret.value,
    };
    const problem = missing(draft);
    if (problem) {
      this.message.textContent = this.i18n.t(problem);
      return;
    }
    const { secret, ...target } = draft;
    this.secret.value = "";
    try {
      const saved = await this.api.saveTarget(target, secret);
      this.message.textContent = this.i18n.t("accountSaved", { name: saved.name });
      this.editing = undefined;
      this.name.value = "";
      this.name.readOnly = false;
      this.url.value = "";
      this.user.value = "";
      await this.refresh();
    } catch (error) {
      this.fail(error);
    }
  }

  private async remove(target: PublishTarget): Promise<void> {
    if (!window.confirm(this.i18n.t("accountConfirmRemove", { name: target.name }))) return;
    try {
      await this.api.removeTarget(target.name);
      if (this.editing === target.name) this.edit(undefined);
    } catch (error) {
      this.fail(error);
    }
    await this.refresh();
  }

  private fail(error: unknown): void {
    this.message.textContent = `${this.i18n.t("accountError")}: ${this.i18n.failure(error)}`;
  }
}
