CREATE RANGE INDEX has_skill_mentor_order IF NOT EXISTS FOR ()-[h:HAS_SKILL]-() ON (h.mentorSkill, h.level, h.mentorPerson)
