package io.rapport.server.content;

import io.rapport.server.common.paging.Cursor;
import io.rapport.server.common.paging.Page;
import io.rapport.server.common.problem.ApiProblemException;
import io.rapport.server.common.problem.FieldProblem;
import io.rapport.server.common.problem.InvalidInputException;
import io.rapport.server.common.time.Ids;
import io.rapport.server.common.web.EntityTags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The content library: items are created as drafts, changed only by a caller who names the version
 * they saw (optimistic concurrency), published, and archived for good.
 */
public class ContentService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;

    public ContentService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = new Ids(clock);
    }

    public ContentItem create(UUID orgId, ContentDraft draft) {
        ContentRules.check(draft);
        return jdbi.inTransaction(h -> {
            ContentDao dao = h.attach(ContentDao.class);
            requireKnownAudience(dao, orgId, draft.audience());
            return dao.insert(orgId, ids.next(), draft, clock.instant());
        });
    }

    public ContentItem get(UUID orgId, UUID contentId) {
        return jdbi.withExtension(ContentDao.class, dao -> dao.find(orgId, contentId))
                .orElseThrow(() -> notFound(contentId));
    }

    public Page<ContentItem> list(UUID orgId, String status, String kind, String tag, String cursor, int limit) {
        UUID after = Cursor.decode(cursor);
        return Page.of(jdbi.withExtension(ContentDao.class, dao -> dao.list(orgId, after, status, kind, tag, limit + 1)),
                limit, ContentItem::contentId);
    }

    public ContentItem update(UUID orgId, UUID contentId, String ifMatch, ContentDraft draft) {
        int expected = EntityTags.requiredVersion(ifMatch);
        ContentRules.check(draft);
        return jdbi.inTransaction(h -> {
            ContentDao dao = h.attach(ContentDao.class);
            ContentItem current = lockAt(dao, orgId, contentId, expected);
            requireNotArchived(current);
            requireKnownAudience(dao, orgId, draft.audience());
            return dao.update(orgId, contentId, draft, clock.instant());
        });
    }

    public ContentItem publish(UUID orgId, UUID contentId, String ifMatch) {
        return move(orgId, contentId, ifMatch, Set.of(ContentItem.DRAFT), ContentItem.PUBLISHED);
    }

    public ContentItem archive(UUID orgId, UUID contentId, String ifMatch) {
        return move(orgId, contentId, ifMatch, Set.of(ContentItem.DRAFT, ContentItem.PUBLISHED), ContentItem.ARCHIVED);
    }

    private ContentItem move(UUID orgId, UUID contentId, String ifMatch, Set<String> from, String to) {
        int expected = EntityTags.requiredVersion(ifMatch);
        return jdbi.inTransaction(h -> {
            ContentDao dao = h.attach(ContentDao.class);
            ContentItem current = lockAt(dao, orgId, contentId, expected);
            if (!from.contains(current.status())) {
                throw ApiProblemException.conflict("invalid_transition",
                        "A " + current.status() + " item cannot become " + to);
            }
            return dao.moveTo(orgId, contentId, to, clock.instant());
        });
    }

    /** 404 before 412: a caller must not learn that another organization's id exists. */
    private static ContentItem lockAt(ContentDao dao, UUID orgId, UUID contentId, int expected) {
        ContentItem current = dao.lock(orgId, contentId).orElseThrow(() -> notFound(contentId));
        if (current.version() != expected) {
            throw EntityTags.versionMismatch("The item is at version " + current.version() + ", not " + expected
                    + "; fetch it again and reapply the change");
        }
        return current;
    }

    private static void requireNotArchived(ContentItem item) {
        if (ContentItem.ARCHIVED.equals(item.status())) {
            throw ApiProblemException.conflict("content_archived", "An archived item cannot be changed");
        }
    }

    /** Audience ids must name this organization's branches and officers; another's read as unknown. */
    private static void requireKnownAudience(ContentDao dao, UUID orgId, Audience audience) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!audience.branchIds().isEmpty()) {
            dao.unknownBranches(orgId, audience.branchIds().toArray(UUID[]::new)).forEach(id ->
                    problems.add(new FieldProblem("audience.branchIds", id + " is not a branch of this organization")));
        }
        if (!audience.officerIds().isEmpty()) {
            dao.unknownOfficers(orgId, audience.officerIds().toArray(UUID[]::new)).forEach(id ->
                    problems.add(new FieldProblem("audience.officerIds", id + " is not an officer of this organization")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static ApiProblemException notFound(UUID contentId) {
        return ApiProblemException.notFound("Content item " + contentId);
    }
}
