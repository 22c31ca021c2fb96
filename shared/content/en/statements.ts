import type { SeedTemplate } from '../../domain/statements/seedTemplates';
import type { Audience, GlossaryTerm } from '../../schemas/statements';

/**
 * The statement templates the desk ships: one per statement type of the Guide for City-Led
 * Response's communications chapter, written for Response Desk with the guide's placeholders.
 * Purposes and dos and don'ts paraphrase the guide; each carries its basis ('stated' in the guide,
 * or 'generalised' from its aims) and the guide's pages. The city edits them and adds its own and
 * their language versions; a shipped template is written to the desk once and never overwritten.
 */

const t = (
  type: string,
  title: string,
  audience: Audience,
  purpose: string,
  pages: string[],
  dos: SeedTemplate['dos'],
  donts: SeedTemplate['donts'],
  body: string,
): SeedTemplate => ({ type, language: 'en', title, audience, purpose, pages, dos, donts, body });

const HOLDING_DOS = [
  ['Go out quickly, to prevent panic and set the frame before rumours do', 'stated'],
  ['Keep the tone calm and unifying', 'stated'],
  ['Leave operational detail to the agency leading the security response', 'generalised'],
  ['Say only what is confirmed, and when the next update will come', 'generalised'],
] as const;
const HOLDING_DONTS = [
  ['No speculation about motive, perpetrator or numbers of casualties', 'generalised'],
  ['Do not contradict the police or national agencies, or get ahead of them', 'generalised'],
] as const;
const HOLDING_PURPOSE =
  "The mayor's office's first public words: acknowledges what happened, tells people how to stay safe and where official information is, so panic and rumour have less room.";

export const statementTemplates: readonly SeedTemplate[] = [
  t(
    'initial-holding-statement',
    'Initial holding statement',
    'public',
    HOLDING_PURPOSE,
    ['cr-p4', 'cr-p8'],
    HOLDING_DOS,
    HOLDING_DONTS,
    `At {{incident_time}} on {{incident_date}}, {{incident_type}} at {{location}}. Emergency services are at the scene and {{lead_agency}} is leading the response.

{{public_safety_instruction}}

Please rely on official information only: {{official_info_channel}}. We will not speculate about what happened or why, and we ask everyone to do the same and not to share unconfirmed reports.

Our thoughts are with everyone affected. {{city}} stands together.

We will give the next update at {{next_update_time}}.

{{mayor_name}}`,
  ),
  {
    type: 'initial-holding-statement',
    language: 'ar',
    title: 'بيان أولي',
    audience: 'public',
    purpose: HOLDING_PURPOSE,
    pages: ['cr-p4', 'cr-p8'],
    dos: HOLDING_DOS,
    donts: HOLDING_DONTS,
    body: `في الساعة {{incident_time}} من يوم {{incident_date}}، وقع {{incident_type}} في {{location}}. فرق الطوارئ موجودة في المكان، و{{lead_agency}} تتولى قيادة الاستجابة.

{{public_safety_instruction}}

نرجو الاعتماد على المعلومات الرسمية فقط: {{official_info_channel}}. لن نتكهن بما حدث أو بأسبابه، ونطلب من الجميع أن يفعلوا الشيء نفسه وألا ينشروا أخباراً غير مؤكدة.

قلوبنا مع كل المتضررين. {{city}} تقف صفاً واحداً.

سنقدم التحديث التالي في {{next_update_time}}.

{{mayor_name}}`,
  },
  t(
    'unity-and-solidarity',
    'Condemnation, unity and solidarity',
    'public',
    'The mayor condemns the violence, stands with the victims and the community affected, and restates what the city shares.',
    ['cr-p2', 'cr-p4', 'gm-p4', 'gm-p5'],
    [
      ['Build trust and unity between communities and the city', 'stated'],
      ['De-escalate tensions and hold the city together', 'stated'],
      ['Say plainly what the city stands for', 'stated'],
    ],
    [
      ['No collective blame, and nothing that stigmatises a community', 'generalised'],
      ['Do not name or amplify the perpetrator or their ideology', 'generalised'],
      ['Nothing that could feed retaliation', 'stated'],
    ],
    `{{city}} condemns the violence of the past hours. {{confirmed_incident_summary}}

To the {{affected_community}} and to everyone hurt or afraid tonight: you are not alone. We stand with you.

{{city_values_line}}

Anyone who needs to talk, or who saw what happened, can call {{support_hotline}}. {{vigil_details}}

{{mayor_name}}`,
  ),
  t(
    'public-safety-update',
    'Public safety and disruption update',
    'public',
    'A regular, factual update on cordons, transport, closures and what residents should do, agreed with the agency leading the security response.',
    ['cr-p2', 'cr-p4'],
    [
      ['Agree the content with the agencies leading security', 'stated'],
      ['Keep residents informed: they look to the mayor for information', 'stated'],
      ['Publish at predictable times', 'generalised'],
    ],
    [['Nothing operational or investigative that the police have not cleared', 'generalised']],
    `Update {{update_number}}, issued {{issued_at}}, with {{lead_agency}}.

Closed area: {{cordon_area}}
Roads closed: {{road_closures}}
Public transport: {{transport_status}}
City services: {{city_services_status}}

What to do: {{public_instruction}}

Official updates: {{official_info_channel}}. Next update at {{next_update_time}}.`,
  ),
  t(
    'rumour-control',
    'Rumour control',
    'public',
    'Names a false or unconfirmed claim that is circulating and replaces it with the verified facts and a source people trust.',
    ['cr-p4', 'cr-p8'],
    [
      ['Leave false and conspiratorial narratives as little room as possible', 'stated'],
      ['Watch the online spaces where outrage and falsehood spread', 'stated'],
      ['Lead with the verified fact and point to one official source', 'generalised'],
    ],
    [
      ['Do not repeat the false claim more prominently than the correction', 'generalised'],
      ['Do not correct a claim before the lead agency has confirmed the facts', 'generalised'],
    ],
    `The facts: {{verified_facts}}

This has been confirmed by {{confirming_agency}}. A claim circulating online ({{claim_summary}}) is not true.

Please check {{official_info_channel}} before sharing anything, and report false content to {{reporting_channel}}.

Issued {{issued_at}}.`,
  ),
  t(
    'support-services',
    'Support services announcement',
    'public',
    'Tells everyone affected (survivors, families, witnesses, responders and residents) where psychological and practical support is available.',
    ['cr-p5'],
    [
      ['Make clear that support is for everyone affected, witnesses included', 'stated'],
      ['Present the joint offer of all the providers', 'stated'],
      ['Publish in the main community languages and accessible formats', 'generalised'],
    ],
    [['Do not suggest that only the physically injured qualify', 'stated']],
    `Support is open to everyone affected by what happened: {{eligible_groups}}. You do not need to have been injured to ask for help.

Call {{hotline}}, or come to {{support_centre_address}} ({{opening_hours}}). Help is available in {{languages_available}}.

Support is provided by {{providers}}. More information: {{online_resources_url}}.`,
  ),
  t(
    'community-reassurance',
    'Reassurance to a community affected or at risk',
    'public',
    'Speaks to a community targeted by the attack or at risk of backlash: solidarity, the protection in place, and how to report hate incidents.',
    ['cr-p3', 'gm-p5'],
    [
      ['Work through existing relationships with community leaders', 'stated'],
      ['Help counter panic and retaliatory violence', 'stated'],
      ['Explain reporting routes residents already trust', 'stated'],
    ],
    [['Do not single out a community in a way that stigmatises it', 'generalised']],
    `To the {{affected_community}}: this city is your city, and an attack on any of us is an attack on all of us.

Today I met {{community_leaders_met}}. Together with the police we have put in place: {{protective_measures}}

If you experience or witness a hate incident, report it: {{hate_incident_reporting_channel}}. In an emergency, or to speak to the police: {{police_contact}}.

This message is available in {{languages_available}}.`,
  ),
  t(
    'staff-briefing',
    'Internal staff briefing',
    'internal',
    'Tells city staff what has happened, how services change, what they may say in public and where to find wellbeing support.',
    ['cr-p4'],
    [
      ['Tell staff how services are being adapted', 'stated'],
      ['Ask staff to stay calm and united with the public', 'stated'],
      ['Send media enquiries to the communications team', 'generalised'],
    ],
    [['Do not leave staff to improvise public lines', 'generalised']],
    `To: {{staff_group}}

What has happened: {{situation_summary}}

How services change: {{service_adaptations}}

If the public asks, you may say: {{public_lines_to_use}}
Please pass every media enquiry to {{media_enquiries_contact}}.

Look after yourselves and each other: {{wellbeing_support}}. If something worries you, contact {{escalation_contact}}.`,
  ),
  t(
    'service-continuity-notice',
    'City service change notice',
    'public',
    'Announces closures, moves or changes to city services, and how to reach the alternatives.',
    ['cr-p4'],
    [
      ['Explain how the service is being adapted', 'stated'],
      ['Give an expected end date or a date for review', 'generalised'],
    ],
    [['Do not announce changes that conflict with cordons agreed with the police', 'generalised']],
    `{{service_name}}: {{change_description}}

From {{effective_from}} until {{effective_until}}.

Instead: {{alternative_access}}

Questions: {{contact}}.`,
  ),
  t(
    'survivor-family-update',
    'Direct update to survivors and families',
    'private',
    'A private, direct message to those most affected and the people close to them, before or alongside public statements.',
    ['cr-p2', 'gm-p5'],
    [
      ['Speak directly with survivors and their networks', 'stated'],
      ['Offer coordinated support', 'stated'],
      ['Tell families before any public announcement that concerns them', 'generalised'],
    ],
    [['Never share personal details publicly without consent', 'generalised']],
    `Dear {{recipient_name}},

{{update_content}}

Your liaison officer is {{liaison_officer}}, on {{liaison_phone}}, at any hour.

Support available to you: {{support_services}}

We will be in touch again by {{next_contact_date}}.`,
  ),
  t(
    'vigil-memorial-announcement',
    'Vigil or memorial announcement',
    'public',
    'Announces a vigil, memorial service or gathering, with the practical details.',
    ['cr-p2'],
    [
      ['Frame the event around unity and the whole city', 'stated'],
      ['Plan it with the communities and families affected (families consulted)', 'generalised'],
      ['Agree safety arrangements with the police', 'generalised'],
    ],
    [['Do not organise a commemoration without consulting the bereaved', 'generalised']],
    `{{event_name}}

{{event_date}}, {{event_time}}, at {{venue}}. Organised by {{organisers}}.

Everyone is welcome to come together in remembrance and solidarity.

Access: {{accessibility_info}}
Safety: {{safety_info}}`,
  ),
  t(
    'frontline-recognition',
    'Recognition of frontline workers',
    'public',
    'Thanks responders and city staff, and points them to their own wellbeing support.',
    ['cr-p2'],
    [
      ['Recognise frontline workers as people the mayor stands behind', 'stated'],
      ['Point to confidential support', 'generalised'],
    ],
    [['Do not publish identifying details of individual responders without consent', 'generalised']],
    `On behalf of the whole city, thank you to {{services_thanked}}. You ran towards danger and cared for people on the worst of days.

What you saw and did can weigh on you long afterwards. Confidential support is there for you: {{wellbeing_support_details}}.

{{mayor_name}}`,
  ),
  t(
    'recovery-progress-update',
    'Recovery progress update',
    'public',
    'A periodic report to residents on recovery: services restored, take-up of support, community initiatives and next steps.',
    ['cr-p2', 'cr-p4', 'cr-p5'],
    [
      ['Show the city building back stronger and more resilient', 'stated'],
      ['Keep support visible as perceptions of risk shift over the weeks', 'stated'],
    ],
    [['Do not declare recovery complete while long-term trauma needs remain', 'stated']],
    `Recovery update: {{period}}

Services restored: {{services_restored}}

Support: {{support_uptake_summary}}

In our communities: {{community_initiatives}}

Next: {{next_steps}}

Tell us what you need: {{feedback_channel}}.`,
  ),
  t(
    'anniversary-statement',
    'Anniversary statement',
    'public',
    'Marks the anniversary: remembers the victims, recognises survivors and responders, restates unity and points to continuing support.',
    ['cr-p5', 'gm-p4'],
    [
      ["Restate the city's shared identity and values", 'stated'],
      ['Point to continuing psychological support: trauma can last years', 'stated'],
      ['Agree wording and events with the families (families consulted)', 'generalised'],
    ],
    [['Give the perpetrator no prominence', 'generalised']],
    `Today marks the {{anniversary_number}} anniversary of {{incident_date}}. {{city}} remembers those we lost and everyone whose life was changed that day.

{{commemoration_details}}

If this day is hard for you, you are not alone: {{support_services}}.`,
  ),
  t(
    'lessons-learned-notice',
    'Lessons learned: review publication',
    'public',
    "Announces the outcome of the after-action review and the changes made to the city's response plan.",
    ['cr-p7'],
    [['Explain what will improve, and who is responsible for it', 'stated']],
    [['Do not assign blame to individuals in a public summary', 'generalised']],
    `We have published {{review_title}}, which looked at {{review_scope}}.

What we found: {{key_findings_summary}}

What we will do: {{actions_committed}}

Our response plan was updated on {{plan_update_date}}. Read the full report at {{report_url}}.`,
  ),
];

/**
 * A starting glossary of wording that puts blame on a whole community or stigmatises it. The
 * city reviews it with community leaders and makes it its own.
 */
export const glossary: readonly GlossaryTerm[] = [
  { avoid: 'Muslim terrorist', prefer: 'the attacker', note: "Ties a faith to the attacker's crime." },
  { avoid: 'Islamic terrorism', prefer: 'the attack', note: 'Attributes violence to a faith.' },
  { avoid: 'Jewish lobby', prefer: 'Jewish community organisations', note: 'An antisemitic trope.' },
  { avoid: 'illegals', prefer: 'migrants', note: 'Dehumanising.' },
  { avoid: 'immigrant attacker', prefer: 'the attacker', note: 'Makes a background the story.' },
  { avoid: 'those people', prefer: 'the community, named as it names itself', note: 'Sets a group apart.' },
];
