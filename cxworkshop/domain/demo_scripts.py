"""Small finished workshops written in Arabic, Hebrew, Chinese, Japanese and Korean.

For trying the charter in the scripts teams write in: right to left, joined
Arabic, Han characters in the right country's forms. Names and places are
invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import editing
from .defaults import default_principles
from .model import (
    Ask,
    AskKind,
    Assignee,
    Cadence,
    Commitment,
    Function,
    Goal,
    Participant,
    Pillar,
    Principle,
    Role,
    Status,
    Step,
    Workshop,
)


@dataclass(frozen=True)
class Texts:
    """What a team typed, in one language."""

    title: str
    organisation: str
    facilitator: str
    sponsor: tuple[str, str]
    vision: str
    functions: tuple[str, str, str]
    people: tuple[tuple[str, str], tuple[str, str], tuple[str, str]]
    """(name, role title), one from each function in turn."""
    goals: tuple[tuple[str, str, str, str, str], ...]
    """(title, metric, baseline, target, due): win, keep, keep, advocate."""
    asks: tuple[tuple[str, str], tuple[str, str]]
    """(what, by when): a budget, then people."""
    step: tuple[str, str]
    """A next step: (what, by when); its owner is the facilitator."""
    principle: str
    """A principle of the team's own."""


TEXTS = {
    "ar": Texts(
        title="ميثاق تجربة العملاء 2027",
        organisation="شركة النخيل للتجزئة",
        facilitator="ليلى حداد",
        sponsor=("عمر الفاروق", "الرئيس التنفيذي"),
        vision="كل عميل يشعر بأننا نهتم به في كل خطوة، فيعود إلينا ويحدّث أصدقاءه عنا.",
        functions=("خدمة العملاء", "التسويق", "المالية"),
        people=(
            ("سارة منصور", "مديرة مركز الاتصال"),
            ("خالد يوسف", "رئيس التسويق"),
            ("نور الهدى علي", "المديرة المالية"),
        ),
        goals=(
            ("رفع معدل التحويل من التجربة إلى الاشتراك", "معدل التحويل", "18%", "25%", "2027"),
            ("خفض نسبة المغادرة الشهرية", "نسبة المغادرة", "4.1%", "3%", "2027"),
            ("رفع رضا العملاء بعد الاتصال إلى CSAT 90%", "CSAT", "81%", "90%", "2027"),
            ("رفع صافي نقاط الترويج من NPS 42% إلى 55%", "NPS", "42", "55", "2028"),
        ),
        asks=(
            ("تمويل رحلة الترحيب بالعملاء الجدد", "30 أبريل 2027"),
            ("إعارة محلّلَين من تقنية المعلومات لمدة ستة أشهر", "15 أبريل 2027"),
        ),
        step=("مشاركة الميثاق مع جميع الموظفين", "25 مارس 2027"),
        principle="نرد على كل تقييم من العملاء خلال يومي عمل.",
    ),
    "he": Texts(
        title="אמנת חוויית הלקוח 2027",
        organisation="רשת הגפן",
        facilitator="דנה לוי",
        sponsor=("יוסי כהן", "מנכ״ל"),
        vision="כל לקוח מרגיש שדואגים לו בכל שלב, חוזר אלינו וממליץ עלינו לחברים.",
        functions=("שירות לקוחות", "שיווק", "כספים"),
        people=(
            ("מיכל אברהם", "מנהלת מוקד"),
            ("אבי מזרחי", "סמנכ״ל שיווק"),
            ("רונית פרץ", "מנהלת כספים"),
        ),
        goals=(
            ("להעלות את שיעור ההמרה מניסיון למנוי", "שיעור המרה", "18%", "25%", "2027"),
            ("להפחית נטישה חודשית", "נטישה", "4.1%", "3%", "2027"),
            ("להעלות שביעות רצון אחרי שיחה ל-CSAT 90%", "CSAT", "81%", "90%", "2027"),
            ("להעלות את NPS 42% ל-55%", "NPS", "42", "55", "2028"),
        ),
        asks=(
            ("מימון מסע הקליטה של לקוחות חדשים", "30 באפריל 2027"),
            ("השאלת שני אנליסטים מ-IT לשישה חודשים", "15 באפריל 2027"),
        ),
        step=("לשתף את האמנה עם כל העובדים", "25 במרץ 2027"),
        principle="אנחנו עונים לכל ביקורת של לקוח תוך שני ימי עבודה.",
    ),
    "zh": Texts(
        title="2027年客户体验章程",
        organisation="北风户外用品公司",
        facilitator="王丽",
        sponsor=("陈志强", "首席执行官"),
        vision="每一位把户外时光托付给我们的顾客，在每一步都感到被关照，愿意再来，并带上朋友。",
        functions=("客户服务", "市场营销", "财务"),
        people=(("李娜", "呼叫中心主管"), ("张伟", "市场总监"), ("刘洋", "财务总监")),
        goals=(
            ("提高试用转付费的转化率", "转化率", "18%", "25%", "2027年第四季度"),
            ("降低每月流失率", "流失率", "4.1%", "3%", "2027年底"),
            ("提高客服通话后的满意度到 CSAT 90%", "CSAT", "81%", "90%", "2027年底"),
            ("把净推荐值从 NPS 42% 提高到 55%", "NPS", "42", "55", "2028年"),
        ),
        asks=(
            ("为新会员欢迎流程提供预算", "2027年4月30日"),
            ("借调两名IT分析师六个月", "2027年4月15日"),
        ),
        step=("与全体员工分享本章程", "2027年3月25日"),
        principle="我们在两个工作日内回复每一条顾客评价。",
    ),
    "ja": Texts(
        title="2027年 顧客体験憲章",
        organisation="ノースウィンド・アウトドア株式会社",
        facilitator="山田 花子",
        sponsor=("佐藤 健一", "代表取締役社長"),
        vision=(
            "アウトドアの時間を託してくださるすべてのお客様が、"
            "あらゆる場面で大切にされていると感じ、また来てくださること。"
        ),
        functions=("カスタマーサービス", "マーケティング", "経理"),
        people=(
            ("鈴木 一郎", "コールセンター長"),
            ("高橋 美咲", "マーケティング部長"),
            ("田中 誠", "経理部長"),
        ),
        goals=(
            ("お試しから有料への転換率を上げる", "転換率", "18%", "25%", "2027年度"),
            ("月間解約率を下げる", "解約率", "4.1%", "3%", "2027年度"),
            ("サポート後の満足度を CSAT 90% に上げる", "CSAT", "81%", "90%", "2027年度"),
            ("NPS 42% を 55% に上げる", "NPS", "42", "55", "2028年度"),
        ),
        asks=(
            ("新規会員の歓迎の流れに予算をつける", "2027年4月30日"),
            ("ITアナリスト2名を6か月間派遣する", "2027年4月15日"),
        ),
        step=("憲章を全社員と共有する", "2027年3月25日"),
        principle="お客様のレビューには2営業日以内にすべて返信します。",
    ),
    "ko": Texts(
        title="2027 고객 경험 헌장",
        organisation="노스윈드 아웃도어",
        facilitator="김지은",
        sponsor=("박민수", "대표이사"),
        vision=(
            "우리에게 야외에서의 시간을 맡기는 모든 고객이 모든 단계에서 "
            "보살핌을 받는다고 느끼고, 다시 찾아오며, 친구를 데려오는 것."
        ),
        functions=("고객 서비스", "마케팅", "재무"),
        people=(("이서연", "콜센터 팀장"), ("최준호", "마케팅 이사"), ("정하늘", "재무 이사")),
        goals=(
            ("체험 후 유료 전환율 높이기", "전환율", "18%", "25%", "2027년 4분기"),
            ("월간 이탈률 낮추기", "이탈률", "4.1%", "3%", "2027년 말"),
            ("상담 후 만족도를 CSAT 90%로 높이기", "CSAT", "81%", "90%", "2027년 말"),
            ("NPS 42%에서 55%로 높이기", "NPS", "42", "55", "2028년"),
        ),
        asks=(
            ("신규 회원 환영 여정 예산 지원", "2027년 4월 30일"),
            ("IT 분석가 2명을 6개월간 파견", "2027년 4월 15일"),
        ),
        step=("전 직원과 헌장 공유하기", "2027년 3월 25일"),
        principle="우리는 모든 고객 리뷰에 영업일 기준 이틀 안에 답합니다.",
    ),
}
"""The same small workshop as each language's team would type it."""

PILLARS = (Pillar.WIN, Pillar.KEEP, Pillar.KEEP, Pillar.ADVOCATE)


def workshop_in(language: str) -> Workshop:
    """A small finished workshop typed in ``language`` ("ar", "he", "zh", "ja" or "ko")."""
    t = TEXTS[language]
    ws = editing.new_workshop(
        t.title,
        organisation=t.organisation,
        date=dt.date(2027, 3, 18),
        facilitator=t.facilitator,
        sponsor_name=t.sponsor[0],
        sponsor_title=t.sponsor[1],
        vision=t.vision,
        review_date=dt.date(2027, 6, 17),
    )
    functions = [editing.add_function(ws, Function(name)) for name in t.functions]
    people = [
        editing.add_participant(ws, Participant(name, functions[i].id, title))
        for i, (name, title) in enumerate(t.people)
    ]
    for i, (title, metric, baseline, target, due) in enumerate(t.goals):
        goal = editing.add_goal(
            ws,
            Goal(PILLARS[i], title, metric=metric, baseline=baseline, target=target, due=due),
        )
        editing.assign(ws, goal.id, Assignee.participant(people[i % 3].id), Role.ACCOUNTABLE)
        editing.assign(ws, goal.id, Assignee.function(functions[(i + 1) % 3].id), Role.RESPONSIBLE)
    for (text, due), kind in zip(t.asks, (AskKind.BUDGET, AskKind.PEOPLE), strict=True):
        editing.add_ask(ws, Ask(text, kind, due))
    editing.add_commitment(ws, Commitment(t.step[0], owner=t.facilitator, due=t.step[1]))
    for principle in default_principles()[:3]:
        principle.committed = True
        editing.add_principle(ws, principle)
    editing.add_principle(ws, Principle(t.principle, committed=True, custom=True))
    goal_ids = [g.id for g in ws.goals]
    vote = editing.open_round(ws, goal_ids=goal_ids, dots_per_voter=3, max_per_goal=2)
    for person, dots in zip(people, ((0, 0, 3), (0, 3, 1), (3, 3, 2)), strict=True):
        ballot: dict[str, int] = {}
        for i in dots:
            ballot[goal_ids[i]] = ballot.get(goal_ids[i], 0) + 1
        editing.cast_ballot(ws, vote.id, person.id, ballot)
    editing.close_round(ws, vote.id)
    editing.set_revealed(ws, vote.id, True)
    editing.update_details(
        ws,
        review_cadence=Cadence.QUARTERLY,
        signed_on=dt.date(2027, 3, 25),
        status=Status.DONE,
        current_step=Step.CHARTER,
    )
    return ws
