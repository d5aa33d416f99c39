"""Accounts for the class: NativeAuthenticator (JupyterHub's own-password authenticator) for the names on the
class list only, with Japanese pages and messages.

Each person signs up once with a password of their own (8 characters or more, not a common one); the class list
(``Authenticator.allowed_users``) authorizes them, so there is no admin approval step and no default password, and
a name already signed up cannot be taken by someone else. Used on one server (hub/jupyterhub_config.py) and in
the Kubernetes hub (deploy/kubernetes: mounted into the chart's hub image, which has NativeAuthenticator).
The page templates are in hub/templates.

A one-time password for someone who forgot theirs (stored as a bcrypt hash in the hub's database, as a sign-up
does): logging in with it leads to ``/hub/change-password``, and the person's server does not start until they have
set their own (``OneTimePassword``, ``pre_spawn_start``). Run where the hub's database is:

    sudo python3 kit.py hub password tanaka                         # one server (checks the class list first)
    kubectl -n kit-hub exec deploy/hub -- python3 /usr/local/etc/jupyterhub/kit/kit_accounts.py password tanaka
"""

from jupyterhub.orm import Base
from jupyterhub.utils import url_path_join
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator import handlers as native
from sqlalchemy import Column, String
from tornado import web
from traitlets import Bool, Integer

JAPANESE = {  # NativeAuthenticator's messages, as a learner reads them
    "Invalid username or password.": "名前かパスワードが違います。研修担当者から伝えられた名前と、自分で決めたパスワードを入力してください。",
    "Your password did not match the confirmation. Please try again.": "パスワードと、確認のために入力したパスワードが違います。同じものを2回入力してください。",
    "Your current password was incorrect. Please try again.": "いまのパスワードが違います。もう一度入力してください。",
    "Your new password didn't match the confirmation. Please try again.": "新しいパスワードと、確認のために入力したパスワードが違います。同じものを2回入力してください。",
    "Your password has been changed successfully!": "パスワードを変更しました。",
}
TAKEN = "この名前では、すでにパスワードが決められています。自分の名前か確かめてください。忘れたときは研修担当者に知らせてください。"
NOT_LISTED = (
    "この名前は研修の名簿（cohort.toml）にありません。研修担当者から伝えられた名前を、半角の小文字で入力してください。"
)
WEAK = "パスワードは8文字以上で、よく使われるもの（password、12345678 など）以外にしてください。"
SIGNED_UP = "パスワードを決めました。ログインのページから、名前とこのパスワードでログインしてください。"
CHANGE_FIRST = (
    "研修担当者から受け取った一時パスワードでログインしました。続ける前に、このページで自分のパスワードに"
    "変えてください（いまのパスワードの欄に、一時パスワードを入力します）。"
)
SPAWN_REFUSED = (
    "研修担当者から受け取った一時パスワードのままです。先に「パスワードの変更」（/hub/change-password）で、"
    "自分のパスワードに変えてください。"
)


class OneTimePassword(Base):
    """A name whose password was given by a trainer (``one_time_password``) and must be changed before its server
    starts. Kept in the hub's own database beside NativeAuthenticator's table."""

    __tablename__ = "kit_one_time_passwords"
    username = Column(String(128), primary_key=True)


class Japanese:
    """Show NativeAuthenticator's pages with Japanese messages (the templates are in hub/templates)."""

    def render_template(self, name, **ns):
        for key in ("login_error", "result_message"):
            if ns.get(key):
                text = str(ns[key])
                ns[key] = JAPANESE.get(text) or (
                    WEAK
                    if "not too common" in text
                    else "うまくいきませんでした。入力した内容を確かめて、もう一度試してください。"
                )
        return super().render_template(name, **ns)


class LoginHandler(Japanese, native.LoginHandler):
    def get_next_url(self, user=None, default=None):
        """After a login with a one-time password, the page to change it comes first."""
        if user is not None and self.authenticator.must_change(user.name):
            return url_path_join(self.hub.base_url, "change-password")
        return super().get_next_url(user, default)


class ChangePasswordHandler(Japanese, native.ChangePasswordHandler):
    async def get(self):
        user = await self.get_current_user()
        if user is None:
            raise web.HTTPError(403)
        html = await self.render_template(
            "change-password.html",
            user_name=user.name,
            must_change=self.authenticator.must_change(user.name),
            change_first=CHANGE_FIRST,
        )
        self.finish(html)


class SignUpHandler(native.SignUpHandler):
    def get_result_message(
        self, user, assume_user_is_human, username_already_taken, confirmation_matches, user_is_admin
    ):
        name = self.authenticator.normalize_username(self.get_body_argument("username", "", strip=False))
        if name not in self.authenticator.allowed_users:
            return "alert-danger", NOT_LISTED
        if username_already_taken:
            return "alert-danger", TAKEN
        if not confirmation_matches:
            return "alert-danger", JAPANESE["Your password did not match the confirmation. Please try again."]
        if not user:
            return "alert-danger", WEAK
        return "alert-success", SIGNED_UP


class CohortAuthenticator(NativeAuthenticator):
    """NativeAuthenticator for the names on the class list only: each person signs up once, with a password of
    their own; the list itself authorizes them (no admin approval step)."""

    open_signup = Bool(False, config=True, help="Names on the class list are authorized by the list itself.")
    minimum_password_length = Integer(8, config=True)
    check_common_password = Bool(True, config=True)
    allowed_failed_logins = Integer(5, config=True, help="Wrong passwords in a row before the name is locked.")
    seconds_before_next_try = Integer(300, config=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        OneTimePassword.__table__.create(self.db.bind, checkfirst=True)

    def must_change(self, name: str) -> bool:
        """Whether ``name`` logged in with a trainer's one-time password and has not set their own yet."""
        return self.db.query(OneTimePassword).filter(OneTimePassword.username == name).first() is not None

    def change_password(self, username, new_password):
        changed = super().change_password(username, new_password)
        if changed:
            self.db.query(OneTimePassword).filter(OneTimePassword.username == username).delete()
            self.db.commit()
        return changed

    async def pre_spawn_start(self, user, spawner):
        """No server until a one-time password is replaced by the person's own."""
        if self.must_change(user.name):
            refused = web.HTTPError(403, SPAWN_REFUSED)
            refused.jupyterhub_message = SPAWN_REFUSED  # what JupyterHub's error page shows
            raise refused

    def create_user(self, username, password, **kwargs):
        if self.normalize_username(username) not in self.allowed_users:
            return None
        return super().create_user(username, password, **kwargs)

    def get_handlers(self, app):
        replaced = {"/login": LoginHandler, "/signup": SignUpHandler, "/change-password": ChangePasswordHandler}
        return [(route, replaced.get(route, handler)) for route, handler in super().get_handlers(app)]


def one_time_password(name: str, database_url: str = "sqlite:///jupyterhub.sqlite") -> str:
    """Give ``name`` a new random password in NativeAuthenticator's table (authorized) and return it; the person
    must change it after logging in (``OneTimePassword``) before their server starts."""
    import secrets

    import bcrypt
    from nativeauthenticator.orm import UserInfo
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    password = "-".join(secrets.token_hex(2) for _ in range(3))  # 12 hex digits in three groups: easy to read out
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
    with Session(create_engine(database_url)) as session:
        for table in (UserInfo.__table__, OneTimePassword.__table__):
            table.create(session.get_bind(), checkfirst=True)
        found = session.query(UserInfo).filter(UserInfo.username == name).first()
        if found is None:
            session.add(UserInfo(username=name, password=hashed, is_authorized=True))
        else:
            found.password, found.is_authorized = hashed, True
        if session.get(OneTimePassword, name) is None:
            session.add(OneTimePassword(username=name))
        session.commit()
    return password


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="一時パスワードを発行する（ハブのデータベースがある場所で実行）")
    parser.add_argument("action", choices=["password"])
    parser.add_argument("name")
    parser.add_argument(
        "--db", default="sqlite:///jupyterhub.sqlite", help="ハブのデータベース（既定: ./jupyterhub.sqlite）"
    )
    args = parser.parse_args()
    print(f"{args.name} さんの一時パスワード: {one_time_password(args.name, args.db)}")
    print("本人に直接伝え、ログインしたら /hub/change-password で自分のパスワードに変えてもらってください。")
