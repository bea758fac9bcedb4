package com.faceattend.desktop.enrolment;

import com.faceattend.store.Employee;

/** One employee with the number of face templates stored for them. */
record EmployeeRow(Employee employee, int templates) { }
