# openapi-coaching.py: adds the one-on-one and observation paths and schemas (issue 8) to
# src/api/openapi.json, idempotently; run from the repository root after a merge that took
# another version of the file: python3 tools/openapi-coaching.py
import json
p='src/api/openapi.json'
with open(p) as f:
    d=json.load(f)
R=lambda n: {"$ref": "#/components/responses/"+n}
def resp(codes, ok=None):
    out={}
    if ok: out.update(ok)
    for c,n in codes: out[c]=R(n)
    return out
def js(ref): return {"content":{"application/json":{"schema":{"$ref":"#/components/schemas/"+ref}}}}
IDP={"$ref":"#/components/parameters/Id"}
ERR_GET=[("401","Unauthorized"),("403","Forbidden"),("404","NotFound"),("503","Unavailable")]
ERR_W=[("400","Invalid"),("401","Unauthorized"),("403","Forbidden"),("404","NotFound"),("409","Conflict"),("413","TooLarge"),("503","Unavailable")]
RULE=("Seen by the rep and by whoever leads the rep's team (a manager, or an admin who leads it) — not by other "
      "managers, other reps, nor by an admin who does not lead the team: 403. The private notes are in the "
      "manager's answers only, never in the rep's.")
if not any(t['name']=='one-on-ones' for t in d['tags']):
    d['tags'].append({"name":"one-on-ones","description":"One-on-ones of a rep with their manager, on a cadence: agenda points, shared and private notes, actions that carry forward until done."})
T=["one-on-ones"]
d['paths']['/api/v1/one-on-ones']={
 "get":{"operationId":"listOneOnOnes","summary":"One-on-ones","description":"A rep's one-on-ones (rep=), or every one the caller may see: their own and those of the reps of the teams they lead. Newest first. "+RULE,
  "tags":T,"parameters":[{"name":"rep","in":"query","required":False,"description":"Only this rep's; 403 when the caller may not see the rep's one-on-ones.","schema":{"type":"integer","format":"int64","minimum":1}},{"$ref":"#/components/parameters/Limit"},{"$ref":"#/components/parameters/Offset"}],
  "responses":resp([("400","Invalid")]+ERR_GET,{"200":{"description":"The list.",**js("OneOnOneList")}})},
 "post":{"operationId":"createOneOnOne","summary":"Schedule a one-on-one","description":"By the manager who leads the rep's team.","tags":T,
  "requestBody":{"required":True,**js("OneOnOneNew")},
  "responses":resp(ERR_W,{"201":{"description":"Scheduled.",**js("OneOnOne")}})}}
d['paths']['/api/v1/one-on-ones/{id}']={
 "get":{"operationId":"getOneOnOne","summary":"One one-on-one, with its agenda points and actions","description":RULE+" Actions of earlier one-on-ones that are not done yet are listed too (carried_forward).","tags":T,"parameters":[IDP],
  "responses":resp(ERR_GET,{"200":{"description":"Found.",**js("OneOnOne")}})},
 "patch":{"operationId":"updateOneOnOne","summary":"Notes, a new day, or mark held","description":"By the manager who leads the rep's team only.","tags":T,"parameters":[IDP],
  "requestBody":{"required":True,**js("OneOnOnePatch")},
  "responses":resp(ERR_W,{"200":{"description":"Changed; the resource as it is now.",**js("OneOnOne")}})}}
d['paths']['/api/v1/one-on-ones/{id}/points']={
 "post":{"operationId":"createOneOnOnePoint","summary":"Add a point to the agenda","description":"The rep adds their own points (section rep); the manager adds to any section.","tags":T,"parameters":[IDP],
  "requestBody":{"required":True,**js("OneOnOnePointNew")},
  "responses":resp(ERR_W,{"201":{"description":"Added.",**js("OneOnOnePoint")}})}}
d['paths']['/api/v1/one-on-ones/{id}/actions']={
 "post":{"operationId":"createOneOnOneAction","summary":"Agree an action","description":"By the rep or their manager; owned by one of them. It is shown at every later one-on-one of the rep until done.","tags":T,"parameters":[IDP],
  "requestBody":{"required":True,**js("OneOnOneActionNew")},
  "responses":resp(ERR_W,{"201":{"description":"Added.",**js("OneOnOneAction")}})}}
d['paths']['/api/v1/one-on-ones/{id}/actions/{action_id}']={
 "patch":{"operationId":"updateOneOnOneAction","summary":"Tick an action done","description":"By the rep or their manager, at this one-on-one.","tags":T,
  "parameters":[IDP,{"name":"action_id","in":"path","required":True,"description":"The action's id.","schema":{"type":"integer","format":"int64","minimum":1}}],
  "requestBody":{"required":True,"content":{"application/json":{"schema":{"type":"object","required":["done"],"properties":{"done":{"type":"boolean","enum":[True]}}}}}},
  "responses":resp(ERR_W,{"200":{"description":"Done.",**js("OneOnOneAction")}})}}
I64={"type":"integer","format":"int64"}
DATE={"type":"string","format":"date"}
NDATE={"type":"string","format":"date","nullable":True}
S=d['components']['schemas']
S['OneOnOneSummary']={"type":"object","properties":{"id":I64,"rep_id":I64,"rep_name":{"type":"string"},"manager_id":I64,"manager_name":{"type":"string"},"scheduled_on":DATE,"held_on":NDATE,"status":{"type":"string","enum":["planned","held","cancelled"]}}}
S['OneOnOneList']={"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/OneOnOneSummary"}},"total":{"type":"integer"},"limit":{"type":"integer"},"offset":{"type":"integer"}}}
S['OneOnOnePoint']={"type":"object","properties":{"id":I64,"section":{"type":"string","enum":["effort","improvement","progress","works","strengthen","rep"]},"text":{"type":"string"},"author_id":I64,"author_name":{"type":"string"}}}
S['OneOnOneAction']={"type":"object","properties":{"id":I64,"meeting_id":I64,"what":{"type":"string"},"owner_id":I64,"owner_name":{"type":"string"},"due":NDATE,"done_on":NDATE,"carried_forward":{"type":"boolean","description":"Agreed at an earlier one-on-one of the rep."}}}
S['OneOnOne']={"allOf":[{"$ref":"#/components/schemas/OneOnOneSummary"},{"type":"object","properties":{"shared_notes":{"type":"string"},"private_notes":{"type":"string","description":"Only in the answers to the manager who leads the rep's team."},"points":{"type":"array","items":{"$ref":"#/components/schemas/OneOnOnePoint"}},"actions":{"type":"array","items":{"$ref":"#/components/schemas/OneOnOneAction"}}}}]}
S['OneOnOneNew']={"type":"object","required":["rep_id","scheduled_on"],"properties":{"rep_id":I64,"scheduled_on":DATE}}
S['OneOnOnePatch']={"type":"object","properties":{"shared_notes":{"type":"string","maxLength":20000},"private_notes":{"type":"string","maxLength":20000},"scheduled_on":DATE,"status":{"type":"string","enum":["held"]},"held_on":DATE}}
S['OneOnOnePointNew']={"type":"object","required":["text"],"properties":{"section":{"type":"string","enum":["effort","improvement","progress","works","strengthen","rep"],"description":"The rep's default and only choice is rep."},"text":{"type":"string","maxLength":2000}}}
S['OneOnOneActionNew']={"type":"object","required":["what"],"properties":{"what":{"type":"string","maxLength":2000},"owner_id":{**I64,"description":"The rep (default) or the manager."},"due":DATE}}
with open(p,'w') as f:
    f.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
with open(p) as f:
    d=json.load(f)
S=d['components']['schemas']
if not any(t['name']=='observations' for t in d['tags']):
    d['tags'].append({"name":"observations","description":"Field coaching: observations of a rep when a manager joined a call or a colleague rode along."})
TO=["observations"]
ORULE=("Seen by the rep, by whoever leads the rep's team (a manager, or an admin who leads it) and by the observer "
       "(their own); nobody else: 403.")
d['paths']['/api/v1/observations']={
 "get":{"operationId":"listObservations","summary":"A rep's observations","description":"Newest first, each with its scores, marked as evidence \"observed\". For the rep and whoever leads the rep's team; 403 otherwise.",
  "tags":TO,"parameters":[{"name":"rep","in":"query","required":True,"description":"Whose observations.","schema":{"type":"integer","format":"int64","minimum":1}},{"$ref":"#/components/parameters/Limit"},{"$ref":"#/components/parameters/Offset"}],
  "responses":resp([("400","Invalid")]+ERR_GET,{"200":{"description":"The list.",**js("ObservationList")}})},
 "post":{"operationId":"createObservation","summary":"Write an observation","description":"By whoever leads the rep's team, or a team-mate who rode along; never of oneself. A conversation, when given, must be one of that rep's the caller may see.","tags":TO,
  "requestBody":{"required":True,**js("ObservationNew")},
  "responses":resp(ERR_W,{"201":{"description":"Written.",**js("Observation")}})}}
d['paths']['/api/v1/observations/{id}']={
 "get":{"operationId":"getObservation","summary":"One observation","description":ORULE,"tags":TO,"parameters":[IDP],
  "responses":resp(ERR_GET,{"200":{"description":"Found.",**js("Observation")}})}}
NI64={"type":"integer","format":"int64","nullable":True}
S['ObservationScore']={"type":"object","required":["trait_id"],"properties":{"trait_id":I64,"subskill_id":{**NI64,"description":"A sub-skill of the trait; null or absent for the trait as a whole."},"score":{"type":"integer","minimum":1,"maximum":5,"nullable":True},"seen":{"type":"string","maxLength":5000},"evidence":{"type":"string","enum":["observed"],"readOnly":True}}}
S['Observation']={"type":"object","properties":{"id":I64,"rep_id":I64,"rep_name":{"type":"string"},"observer_id":I64,"observer_name":{"type":"string"},"conversation_id":NI64,"kind":{"type":"string","enum":["joint_call","ride_along"]},"observed_on":DATE,"went_well":{"type":"string"},"to_strengthen":{"type":"string"},"agreed_action":{"type":"string"},"scores":{"type":"array","items":{"$ref":"#/components/schemas/ObservationScore"}}}}
S['ObservationList']={"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Observation"}},"total":{"type":"integer"},"limit":{"type":"integer"},"offset":{"type":"integer"}}}
S['ObservationNew']={"type":"object","required":["rep_id","kind","observed_on","scores"],"properties":{"rep_id":I64,"kind":{"type":"string","enum":["joint_call","ride_along"]},"observed_on":DATE,"conversation_id":I64,"went_well":{"type":"string","maxLength":5000},"to_strengthen":{"type":"string","maxLength":5000},"agreed_action":{"type":"string","maxLength":5000},"scores":{"type":"array","minItems":1,"items":{"$ref":"#/components/schemas/ObservationScore"}}}}
with open(p,'w') as f:
    f.write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
