// A submodule calls a function and a task of the module that instantiates it by its simple name:
// the name is looked up upwards through the instance tree (1364-2005 12.6). The function reads
// a parameter of its own module. Found by the differential fuzzer (tests/fuzz).
module top;
  localparam [7:0] BASE = 1;
  wire [7:0] y1, y2;
  sub u1 (.x(8'd4), .y(y1));
  sub u2 (.x(8'd10), .y(y2));
  function [7:0] f;
    input [7:0] a;
    f = a + BASE;
  endfunction
  task show;
    input [7:0] v;
    $display("show %0d", v);
  endtask
  initial begin
    #1 $display("%0d %0d", y1, y2);
    u1.report;
  end
endmodule

module sub (input [7:0] x, output [7:0] y);
  assign y = f(x);
  task report;
    show(y);
  endtask
endmodule
