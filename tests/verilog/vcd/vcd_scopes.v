// VCD: scopes (modules, named blocks, tasks, functions), $dumpvars levels, scope and variable
// arguments, several $dumpvars calls in one time step.
`timescale 1ns / 100ps
module leaf (input [1:0] x, output reg [1:0] y);
    reg hidden;
    always @(x) begin
        y = ~x;
        hidden = ^x;
    end
endmodule

module mid (input [1:0] a, output [1:0] b);
    wire [1:0] t;
    reg m;
    assign t = a + 2'd1;
    leaf l0 (.x(t), .y(b));
    always @(b) m = b[0];
endmodule

module top;
    reg [1:0] in;
    wire [1:0] out1, out2;
    reg [7:0] only;
    reg [3:0] acc;
    mid u1 (.a(in), .b(out1));
    mid u2 (.a(~in), .b(out2));

    task bump;
        input [3:0] by;
        reg [3:0] tmp;
        begin
            tmp = acc + by;
            acc = tmp;
        end
    endtask

    function [3:0] twice;
        input [3:0] v;
        twice = v + v;
    endfunction

    initial begin : run
        reg [2:0] i;
        $dumpfile("vcd_scopes.vcd");
        $dumpvars(1, top);        // top's own variables
        $dumpvars(2, top.u1);     // u1 and its leaf, not deeper
        $dumpvars(0, top.u2.l0.hidden, only);
        $dumpvars(1, top.twice, top.run, top.bump); // function, named block and task scopes
        acc = 0;
        only = 8'h5a;
        for (i = 0; i < 5; i = i + 1) begin
            #3 in = i[1:0];
            bump(i);
            only = twice(acc);
        end
        #2 $display("acc=%d only=%h m=%b %b", acc, only, u1.m, u2.m);
        $finish;
    end
endmodule
